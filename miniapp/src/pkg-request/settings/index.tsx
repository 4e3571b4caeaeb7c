import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { cadreVillages } from '../../api/me'
import { getRequestSettings, updateRequestSettings, type TRequestSettings } from '../../api/requests'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { VillageChips } from '../../components/village-chips'
import '../components/request.scss'

type TKey = keyof TRequestSettings
type TForm = Record<TKey, string>

const FIELDS: { key: TKey; label: string; min: number; max: number; hint: (n: number) => string }[] = [
  {
    key: 'acceptHours',
    label: '受理时限（小时）',
    min: 1,
    max: 720,
    hint: (n) => `院长 ${n} 小时内没有受理，自动转给村里（吹哨到村）；村里再超时，转给镇街（报到镇街）`,
  },
  {
    key: 'resolveHours',
    label: '办结时限（小时）',
    min: 1,
    max: 8760,
    hint: (n) => `受理后 ${n} 小时${n % 24 === 0 ? `（${n / 24} 天）` : ''}内办结，超过算超时`,
  },
  { key: 'reopenDays', label: '可重新打开（天）', min: 0, max: 90, hint: (n) => (n ? `办结后 ${n} 天内，村民不满意可以重新打开` : '办结后不能重新打开') },
  { key: 'sosAckMinutes', label: '一键呼叫响应（分钟）', min: 1, max: 120, hint: (n) => `${n} 分钟没人响应，通知村干部，再没人响应通知镇街` },
]

const toForm = (s: TRequestSettings): TForm => ({
  acceptHours: String(s.acceptHours),
  resolveHours: String(s.resolveHours),
  reopenDays: String(s.reopenDays),
  sosAckMinutes: String(s.sosAckMinutes),
})

/** Checks the typed numbers (the server checks again): the settings, or an error naming the field. */
function parseForm(form: TForm): TRequestSettings | AppError {
  const out = {} as TRequestSettings
  for (const f of FIELDS) {
    const text = form[f.key].trim()
    const n = Number(text)
    if (!/^\d+$/.test(text) || n < f.min || n > f.max) {
      return new AppError('VALIDATION_FAILED', { message: `${f.label.replace(/（.*）/, '')}请填 ${f.min} 到 ${f.max} 之间的整数` })
    }
    out[f.key] = n
  }
  return out
}

/**
 * 时限设置 (村干部): how long a courtyard head has to accept and to resolve before a request
 * climbs (吹哨到村, then 报到镇街), how long a villager may reopen, and how many minutes an
 * unanswered 一键呼叫 waits before the next tier is told.
 */
export default function RequestSettingsPage() {
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const choice = useVillageChoice(me, cadreVillages, { initialId: params.villageId })
  const villageId = choice.villageId
  const [form, setForm] = useState<TForm | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [formError, setFormError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState(false)
  const want = useRef<string | null>(null)
  const save = useAction('request-settings', (i: { villageId: string; body: TRequestSettings }, key: string) => updateRequestSettings(i.villageId, i.body, key))

  useEffect(() => {
    if (!villageId) return
    want.current = villageId
    setForm(null)
    setSaved(false)
    getRequestSettings(villageId).then(
      (s) => {
        if (want.current !== villageId) return
        setForm(toForm(s))
        setError(null)
      },
      (err) => want.current === villageId && setError(toAppError(err)),
    )
  }, [villageId])

  const onSave = async () => {
    if (!form || !villageId) return
    const parsed = parseForm(form)
    if (parsed instanceof AppError) {
      setFormError(parsed)
      return
    }
    setFormError(null)
    const res = await save.run({ villageId, body: parsed })
    if (res.ok) {
      setForm(toForm(res.value))
      setSaved(true)
    }
  }

  return (
    <View className="page req-desk req-settings">
      <ErrorNotice error={meError ?? choice.error} testId="request-settings-me-error" />
      {me && !choice.villages.length ? (
        <Text className="muted" data-testid="request-settings-not-cadre">
          只有村干部可以设置本村的找院长时限。
        </Text>
      ) : null}
      <VillageChips choice={choice} testId="request-settings-village" />
      {choice.village ? <Text className="page-title">{`${choice.village.name} · 找院长时限`}</Text> : null}

      <ErrorNotice error={error} testId="request-settings-error" />
      {!form && villageId && !error ? <Text className="muted">正在加载…</Text> : null}

      {form ? (
        <View data-testid="request-settings-form">
          {FIELDS.map((f) => {
            const n = Number(form[f.key])
            return (
              <Field
                key={f.key}
                label={f.label}
                type="number"
                maxlength={4}
                value={form[f.key]}
                onChange={(value) => {
                  setForm({ ...form, [f.key]: value })
                  setSaved(false)
                }}
                hint={Number.isInteger(n) && n >= f.min && n <= f.max ? f.hint(n) : `${f.min} 到 ${f.max}`}
                testId={`request-settings-${f.key}`}
              />
            )
          })}
          <ErrorNotice error={formError ?? save.error} testId="request-settings-save-error" />
          {saved ? (
            <Text className="req-ok" data-testid="request-settings-saved">
              已保存。
            </Text>
          ) : null}
          <Button className="btn" type="primary" size="xlarge" block loading={save.busy} data-testid="request-settings-save" onClick={() => void onSave()}>
            保存
          </Button>
        </View>
      ) : null}
    </View>
  )
}
