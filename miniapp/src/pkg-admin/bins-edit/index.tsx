import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { createBin, listVillageCleaners, updateBin, type TBinInput, type TBinPatch, type TVillageBin, type TVillageCleaners } from '../../api/bins'
import { listVillageCourtyards, type TPlace } from '../../api/me'
import { toAppError } from '../../api/request'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { GeoMap, type TMapMarker } from '../../components/geo-map'
import { Button } from '../../components/nut'
import { Toggle } from '../../components/toggle'
import { useAction } from '../../lib/use-action'
import { PlatformCancelled } from '../../platform'
import { canPickWithHost, pickPoint, type TLatLng } from '../../platform/geo'
import { useVillageBins } from '../bins-shared/use-village-bins'
import '../bins-shared/bins.scss'

type TCleaner = TVillageCleaners['items'][number]
type TChoices = { courtyards: TPlace[]; cleaners: TCleaner[] }

/** At most this many 保洁员 per bin (the server checks too). */
const MAX_CLEANERS = 5

/**
 * What a bin can be given: the village's courtyards and its 保洁员 (GET …/courtyards and
 * …/cleaners), loaded again when the village changes; `reload` after a failure.
 */
function useBinChoices(villageId: string | null) {
  const [choices, setChoices] = useState<TChoices | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!villageId) return
    let live = true
    setChoices(null)
    setError(null)
    Promise.all([listVillageCourtyards(villageId), listVillageCleaners(villageId)]).then(
      ([c, k]) => live && setChoices({ courtyards: c.items, cleaners: k.items }),
      (err) => live && setError(toAppError(err)),
    )
    return () => {
      live = false
    }
  }, [villageId, attempt])
  return { choices, error, reload: () => setAttempt((n) => n + 1) }
}

/** The choices plus what the bin already has but the lists no longer offer (so it can be taken off). */
function withCurrent(choices: TChoices | null, bin: TVillageBin | null): TChoices {
  const courtyards = [...(choices?.courtyards ?? [])]
  const cleaners = [...(choices?.cleaners ?? [])]
  if (bin?.courtyard && !courtyards.some((c) => c.id === bin.courtyard!.id)) courtyards.push(bin.courtyard)
  for (const c of bin?.cleaners ?? []) if (!cleaners.some((x) => x.id === c.id)) cleaners.push({ id: c.id, name: c.name, phone: null })
  return { courtyards, cleaners }
}

/** 「王师傅 · 尾号1234」: two cleaners may share a name. */
const cleanerLabel = (c: TCleaner) => (c.phone ? `${c.name} · 尾号${c.phone.slice(-4)}` : c.name)

type TForm = { label: string; lat: string; lng: string; courtyardId: string | null; cleanerIds: string[] }

const empty: TForm = { label: '', lat: '', lng: '', courtyardId: null, cleanerIds: [] }

function formOf(b: TVillageBin): TForm {
  return { label: b.label, lat: String(b.lat), lng: String(b.lng), courtyardId: b.courtyard?.id ?? null, cleanerIds: b.cleaners.map((c) => c.id) }
}

/** The form checked before sending (the server checks again); an AppError listing what is wrong. */
function checked(f: TForm): { label: string; lat: number; lng: number } | AppError {
  const lat = Number(f.lat.trim())
  const lng = Number(f.lng.trim())
  const problems = [
    !f.label.trim() && '请填写编号',
    f.label.trim().length > 20 && '编号不超过20字',
    (!f.lat.trim() || !Number.isFinite(lat) || lat < -90 || lat > 90) && '纬度应是 -90 到 90 之间的数，例如 29.5612',
    (!f.lng.trim() || !Number.isFinite(lng) || lng < -180 || lng > 180) && '经度应是 -180 到 180 之间的数，例如 106.4621',
  ].filter(Boolean) as string[]
  if (problems.length) return new AppError('VALIDATION_FAILED', { message: '还有内容需要修改', issues: problems.map((message) => ({ path: '', message })) })
  return { label: f.label.trim(), lat, lng }
}

/** The form's point when it holds one. */
function pointOf(f: TForm): TLatLng | null {
  const lat = Number(f.lat.trim())
  const lng = Number(f.lng.trim())
  if (!f.lat.trim() || !f.lng.trim() || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  return { lat, lng }
}

/** Where the village's bins are (their middle): where a new bin's map opens. */
function middleOf(bins: TVillageBin[]): TLatLng | null {
  if (!bins.length) return null
  return { lat: bins.reduce((s, b) => s + b.lat, 0) / bins.length, lng: bins.reduce((s, b) => s + b.lng, 0) / bins.length }
}

/** PATCH sends only what changed (moving a bin does not rewrite its cleaners). */
function changesOf(bin: TVillageBin, next: Required<Pick<TBinPatch, 'label' | 'lat' | 'lng' | 'cleanerIds'>> & { courtyardId: string | null }): TBinPatch {
  const patch: TBinPatch = {}
  if (next.label !== bin.label) patch.label = next.label
  if (next.lat !== bin.lat) patch.lat = next.lat
  if (next.lng !== bin.lng) patch.lng = next.lng
  if (next.courtyardId !== (bin.courtyard?.id ?? null)) patch.courtyardId = next.courtyardId
  const before = bin.cleaners
    .map((c) => c.id)
    .sort()
    .join(',')
  if ([...next.cleanerIds].sort().join(',') !== before) patch.cleanerIds = next.cleanerIds
  return patch
}

/**
 * 新增 / 修改垃圾桶 (村干部): 编号, 位置 (typed, or 「用我现在的位置」 standing next to it),
 * 院落, 保洁员 (at most 5), and 停用 / 启用. `?code=` edits that bin, without it a new one.
 */
export default function BinEditPage() {
  const v = useVillageBins()
  const code = v.params.code ?? null
  const bin = code ? (v.data?.items.find((b) => b.code === code) ?? null) : null
  const lists = useBinChoices(v.villageId)
  const { courtyards, cleaners } = withCurrent(lists.choices, bin)
  const [form, setForm] = useState<TForm>(empty)
  const [formError, setFormError] = useState<AppError | null>(null)
  const [locating, setLocating] = useState(false)
  const filled = useRef(false)

  useEffect(() => {
    if (bin && !filled.current) {
      filled.current = true
      setForm(formOf(bin))
    }
  }, [bin])

  const save = useAction('save-bin', (input: { villageId: string; body: TBinInput | TBinPatch }, key: string) =>
    code ? updateBin(code, input.body as TBinPatch, key) : createBin(input.villageId, input.body as TBinInput, key),
  )
  const toggle = useAction('bin-state', (state: 'active' | 'disabled', key: string) => updateBin(code!, { state }, key))

  const set = (patch: Partial<TForm>) => setForm((f) => ({ ...f, ...patch }))

  const fillHere = async () => {
    setLocating(true)
    setFormError(null)
    try {
      const r = await Taro.getLocation({ type: 'wgs84' })
      set({ lat: r.latitude.toFixed(6), lng: r.longitude.toFixed(6) })
    } catch (err) {
      setFormError(new AppError('VALIDATION_FAILED', { message: '没有取到位置，请打开定位后再试，或直接填写经纬度', cause: err }))
    } finally {
      setLocating(false)
    }
  }

  /** WeChat's map chooser (GCJ-02 there, WGS-84 here: platform/geo converts). */
  const pickOnMap = async () => {
    setFormError(null)
    try {
      const p = await pickPoint(pointOf(form) ?? middleOf(v.data?.items ?? []))
      set({ lat: p.lat.toFixed(6), lng: p.lng.toFixed(6) })
    } catch (err) {
      if (!(err instanceof PlatformCancelled)) setFormError(new AppError('VALIDATION_FAILED', { message: '地图没有打开，请直接填写经纬度', cause: err }))
    }
  }

  const here = pointOf(form)
  const others = (v.data?.items ?? []).filter((b) => b.code !== code)
  const pickMarkers: TMapMarker[] = [
    ...others.map((b): TMapMarker => ({ lat: b.lat, lng: b.lng, text: '', tone: 'other', title: b.label })),
    ...(here ? [{ ...here, text: '桶', tone: 'pick' as const, title: form.label.trim() || '这个桶' }] : []),
  ]

  const onSave = async () => {
    if (!v.villageId) return
    const ok = checked(form)
    if (ok instanceof AppError) return setFormError(ok)
    setFormError(null)
    const full = { ...ok, courtyardId: form.courtyardId, cleanerIds: form.cleanerIds }
    const body = bin ? changesOf(bin, full) : full
    if (bin && !Object.keys(body).length) return void Taro.navigateBack() // nothing changed
    const res = await save.run({ villageId: v.villageId, body })
    if (res.ok) {
      Taro.showToast({ title: code ? '已保存' : '已新增', icon: 'success', duration: 1200 })
      setTimeout(() => Taro.navigateBack(), 800)
    }
  }

  const onToggle = async () => {
    if (!bin) return
    const next = bin.state === 'active' ? 'disabled' : 'active'
    if (next === 'disabled') {
      const answer = await Taro.showModal({
        title: '停用垃圾桶',
        content: `停用后扫「${bin.label}」的二维码不能再报满。确定停用吗？`,
        confirmText: '停用',
        cancelText: '不停用',
      })
      if (!answer.confirm) return
    }
    const res = await toggle.run(next)
    if (res.ok) {
      Taro.showToast({ title: next === 'active' ? '已启用' : '已停用', icon: 'none', duration: 1200 })
      void v.load()
    }
  }

  const toggleCleaner = (id: string, on: boolean) => {
    if (on && !form.cleanerIds.includes(id) && form.cleanerIds.length >= MAX_CLEANERS) {
      setFormError(new AppError('VALIDATION_FAILED', { message: `一个桶最多 ${MAX_CLEANERS} 位保洁员，请先取消一位` }))
      return
    }
    setFormError(null)
    set({ cleanerIds: on ? [...form.cleanerIds.filter((x) => x !== id), id] : form.cleanerIds.filter((x) => x !== id) })
  }

  if (v.me && v.villageId && !v.canEdit) {
    return (
      <View className="page bins-page">
        <Text className="muted" data-testid="bin-edit-not-cadre">
          只有本村的村干部可以新增或修改垃圾桶。
        </Text>
      </View>
    )
  }

  return (
    <View className="page bins-page">
      <ErrorNotice error={v.meError ?? v.error} testId="bin-edit-load-error" />
      <Text className="page-title">{code ? `修改 ${bin?.label ?? ''}` : '新增垃圾桶'}</Text>
      {code && v.data && !bin ? (
        <Text className="muted" data-testid="bin-edit-missing">
          没有找到这个垃圾桶，可能已被删除。
        </Text>
      ) : null}

      <View className="bins-form">
        <Field label="编号" value={form.label} onChange={(x) => set({ label: x })} placeholder="例如 67号桶" maxlength={20} testId="bin-edit-label" />
        <View className="bins-form__pair">
          <Field label="纬度" value={form.lat} onChange={(x) => set({ lat: x })} placeholder="29.5612" type="digit" testId="bin-edit-lat" />
          <Field label="经度" value={form.lng} onChange={(x) => set({ lng: x })} placeholder="106.4621" type="digit" testId="bin-edit-lng" />
        </View>
        <Button className="btn btn-small" size="large" block loading={locating} data-testid="bin-edit-here" onClick={fillHere}>
          用我现在的位置（站在桶旁边）
        </Button>
        {canPickWithHost ? (
          <Button className="btn btn-small" size="large" block data-testid="bin-edit-pick" onClick={pickOnMap}>
            在地图上选位置
          </Button>
        ) : v.data && (!code || here) ? (
          <View className="bins-form__map">
            <Text className="muted">点一下地图，把桶放到那里（灰点是本村其他桶）</Text>
            <GeoMap
              testId="bin-edit-map"
              markers={pickMarkers}
              center={here ?? middleOf(others.length ? others : (v.data?.items ?? []))}
              onPick={(p) => set({ lat: p.lat.toFixed(6), lng: p.lng.toFixed(6) })}
              fallback={<Text className="muted">地图加载不出来时，请直接填写经纬度。</Text>}
            />
          </View>
        ) : null}

        {lists.error ? (
          <>
            <ErrorNotice error={lists.error} testId="bin-edit-choices-error" />
            <Button className="btn btn-small" size="large" block data-testid="bin-edit-choices-retry" onClick={lists.reload}>
              重新加载院落和保洁员
            </Button>
          </>
        ) : !lists.choices && v.villageId ? (
          <Text className="muted" data-testid="bin-edit-choices-loading">
            正在加载院落和保洁员…
          </Text>
        ) : null}

        <Section title="院落" testId="bin-edit-courtyards">
          <View className="chips">
            <Text
              className={`chip ${form.courtyardId === null ? 'chip--on' : ''}`}
              data-testid="bin-edit-courtyard-none"
              data-on={form.courtyardId === null ? 'true' : 'false'}
              onClick={() => set({ courtyardId: null })}
            >
              不属于院落
            </Text>
            {courtyards.map((c) => (
              <Text
                key={c.id}
                className={`chip ${form.courtyardId === c.id ? 'chip--on' : ''}`}
                data-testid={`bin-edit-courtyard-${c.id}`}
                data-on={form.courtyardId === c.id ? 'true' : 'false'}
                onClick={() => set({ courtyardId: c.id })}
              >
                {c.name}
              </Text>
            ))}
          </View>
        </Section>

        <Section title={`保洁员（可多选，最多 ${MAX_CLEANERS} 位）`} testId="bin-edit-cleaners">
          {cleaners.map((c) => (
            <Toggle
              key={c.id}
              label={cleanerLabel(c)}
              checked={form.cleanerIds.includes(c.id)}
              onChange={(on) => toggleCleaner(c.id, on)}
              testId={`bin-edit-cleaner-${c.id}`}
            />
          ))}
          {lists.choices && !cleaners.length ? (
            <Text className="muted" data-testid="bin-edit-no-cleaners">
              本村还没有保洁员。请先给保洁员设置「保洁员」身份，再回来指派。
            </Text>
          ) : null}
        </Section>

        <ErrorNotice error={formError ?? save.error} testId="bin-edit-error" />
        <Button className="btn" type="primary" size="xlarge" block loading={save.busy} data-testid="bin-edit-save" onClick={onSave}>
          {code ? '保存' : '新增'}
        </Button>

        {bin ? (
          <>
            <ErrorNotice error={toggle.error} testId="bin-edit-state-error" />
            <Button className="btn" size="xlarge" block loading={toggle.busy} data-testid="bin-edit-toggle" data-state={bin.state} onClick={onToggle}>
              {bin.state === 'active' ? '停用这个桶' : '重新启用'}
            </Button>
          </>
        ) : null}
      </View>
    </View>
  )
}
