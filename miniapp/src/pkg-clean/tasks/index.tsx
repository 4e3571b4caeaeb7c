import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useMemo, useRef, useState } from 'react'
import { BIN_KINDS, parseBinInput } from '../../../../shared/domain/bin-report'
import { AppError } from '../../../../shared/errors'
import { cleanReport, listCleanerTasks, markReportFalse, type TCleanerTasks, type TTaskStop } from '../../api/bins'
import { isCleaner } from '../../api/me'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { GeoMap, type TMapMarker, type TMarkerIcons } from '../../components/geo-map'
import { Button } from '../../components/nut'
import { PhotoPicker, usePhotos } from '../../components/photo-picker'
import { formatTime } from '../../lib/format'
import { svgDataUri } from '../../lib/svg-image'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { platform, PlatformCancelled } from '../../platform'
import { openNavigation } from '../../platform/geo'
import { currentPosition } from './location'
import { distanceText, routeMapSvg } from './route-map'
import './index.scss'

/** WeChat's <map> icons, copied into this package by the build (miniapp/config: copy). */
const ICONS: TMarkerIcons = {
  first: '/pkg-clean/tasks/markers/first.png',
  next: '/pkg-clean/tasks/markers/next.png',
  start: '/pkg-clean/tasks/markers/start.png',
}

const FROM_TEXT: Record<TCleanerTasks['start']['from'], string> = {
  device: '从您现在的位置出发',
  depot: '从村里的收集点出发',
  'first-bin': '从第一个桶出发',
}

/**
 * 清运任务 (保洁员): the open bins in the order the server's route planner gives, on a map (WeChat's
 * <map>, or tiles in a browser, else a drawing from their coordinates), and per bin 「导航」,
 * 「扫码确认清运」 / 「误报」 — both scan the bin's own QR on site (proof of presence; another
 * bin's QR is refused with WRONG_BIN).
 */
export default function CleanerTasksPage() {
  const { me, error: meError, reload: reloadMe } = useMe()
  const [tasks, setTasks] = useState<TCleanerTasks | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)

  const load = async () => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const at = await currentPosition()
      const res = await listCleanerTasks(at)
      if (mine !== seq.current) return // a newer load started meanwhile
      setTasks(res)
      setError(null)
    } catch (err) {
      if (mine === seq.current) setError(toAppError(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }

  useDidShow(() => {
    void load()
  })

  usePullDownRefresh(async () => {
    await Promise.all([reloadMe(), load()])
    Taro.stopPullDownRefresh()
  })

  const mapUri = useMemo(() => {
    if (!tasks || !tasks.stops.length) return null
    const start = { lat: tasks.start.lat, lng: tasks.start.lng, label: '起' }
    return svgDataUri(
      routeMapSvg(
        start,
        tasks.stops.map((s) => ({ lat: s.bin.lat, lng: s.bin.lng, order: s.order })),
      ),
    )
  }, [tasks])

  const route = useMemo(() => {
    if (!tasks || !tasks.stops.length) return null
    const start = { lat: tasks.start.lat, lng: tasks.start.lng }
    const markers: TMapMarker[] = [
      { ...start, text: '起', tone: 'start', title: FROM_TEXT[tasks.start.from] },
      ...tasks.stops.map((s): TMapMarker => ({
        lat: s.bin.lat,
        lng: s.bin.lng,
        text: String(s.order),
        tone: s.order === 1 ? 'first' : 'next',
        title: `第${s.order}站 ${s.bin.label}`,
      })),
    ]
    return { markers, line: [start, ...tasks.stops.map((s) => ({ lat: s.bin.lat, lng: s.bin.lng }))] }
  }, [tasks])

  const notCleaner = me && !isCleaner(me)
  const stops = tasks?.stops ?? []

  return (
    <View className="page clean">
      <ErrorNotice error={meError} testId="tasks-me-error" />
      {notCleaner ? (
        <Text className="muted" data-testid="tasks-not-cleaner">
          只有保洁员可以查看清运任务。
        </Text>
      ) : null}

      <View className="clean__head">
        <View className="clean__heading">
          <Text className="page-title">清运任务</Text>
          {tasks ? (
            <Text className="clean__summary" data-testid="tasks-summary" data-from={tasks.start.from}>
              {stops.length
                ? `${stops.length} 个桶待清运 · 全程约 ${distanceText(tasks.totalMeters)} · ${FROM_TEXT[tasks.start.from]}`
                : '现在没有待清运的垃圾桶'}
            </Text>
          ) : null}
        </View>
        <Button className="btn-small clean__refresh" size="large" loading={loading} data-testid="tasks-refresh" onClick={() => void load()}>
          刷新
        </Button>
      </View>

      <ErrorNotice error={error} testId="tasks-error" />
      {!tasks && loading ? <Text className="muted">正在加载…</Text> : null}

      {tasks && !stops.length ? (
        <View className="clean__empty" data-testid="tasks-empty">
          <Text className="clean__empty-text">都清运完了，辛苦了！</Text>
          <Text className="muted">有垃圾桶报满时，「消息」和微信提醒会告诉您。</Text>
        </View>
      ) : null}

      {mapUri && route ? (
        <View className="clean__map">
          <GeoMap
            testId="route-map"
            data={{ stops: String(stops.length) }}
            markers={route.markers}
            line={route.line}
            icons={ICONS}
            fallback={<Image className="clean__map-img" src={mapUri} mode="scaleToFill" data-testid="route-map-drawing" />}
          />
          <Text className="clean__map-legend">{'■ 出发点 · ● 按顺序前往，红色是第一站'}</Text>
        </View>
      ) : null}

      <View className="clean__list">
        {stops.map((s) => (
          <StopCard key={s.reportId} stop={s} onDone={() => void load()} />
        ))}
      </View>
    </View>
  )
}

type TConfirm = { reportId: string; code: string; photoId?: string }

const confirmBody = (i: TConfirm) => (i.photoId ? { code: i.code, photoId: i.photoId } : { code: i.code })

/**
 * One stop. An optional 现场照片 goes with either answer (清运 or 误报); a photo that did not
 * upload is left out rather than holding up the confirmation, and the toast says so.
 */
function StopCard({ stop, onDone }: { stop: TTaskStop; onDone: () => void }) {
  const [typed, setTyped] = useState('')
  const [scanError, setScanError] = useState<AppError | null>(null)
  const [waiting, setWaiting] = useState(false)
  const photos = usePhotos()
  const clean = useAction('clean-bin', (i: TConfirm, key: string) => cleanReport(i.reportId, confirmBody(i), key))
  const markFalse = useAction('false-bin', (i: TConfirm, key: string) => markReportFalse(i.reportId, confirmBody(i), key))
  const busy = clean.busy || markFalse.busy || waiting

  /** The uploaded photo's id once any upload still running has finished, and whether one was left out. */
  const photoOf = async (): Promise<{ photoId?: string; leftOut: boolean }> => {
    setWaiting(true)
    try {
      const { ids, missing } = await photos.settled()
      return { photoId: ids[0], leftOut: missing > 0 }
    } finally {
      setWaiting(false)
    }
  }

  /** The bin's code: scanned on site, or typed from the sticker where no scanner exists. */
  const scannedCode = async (): Promise<string | null> => {
    setScanError(null)
    clean.setError(null)
    markFalse.setError(null)
    if (!platform.canScan) {
      const code = parseBinInput(typed)
      if (!code) setScanError(new AppError('VALIDATION_FAILED', { message: '请输入桶上贴纸的编码' }))
      return code || null
    }
    try {
      const res = await platform.scanCode()
      const raw = res.path || res.result
      return parseBinInput(raw) || raw
    } catch (err) {
      if (!(err instanceof PlatformCancelled)) setScanError(new AppError('VALIDATION_FAILED', { message: '扫码没有成功，请再试一次', cause: err }))
      return null
    }
  }

  const onClean = async () => {
    if (busy) return
    const code = await scannedCode()
    if (!code) return
    const { photoId, leftOut } = await photoOf()
    const res = await clean.run({ reportId: stop.reportId, code, photoId })
    if (res.ok) {
      Taro.showToast({ title: leftOut ? '已确认清运（照片未上传）' : '已确认清运', icon: leftOut ? 'none' : 'success', duration: 1500 })
      onDone()
    } else if ('error' in res && (res.error.code === 'REPORT_NOT_OPEN' || res.error.code === 'NOT_FOUND')) {
      setTimeout(onDone, 1500) // already closed (another cleaner, or the other button): refresh the route
    }
  }

  const onFalse = async () => {
    if (busy) return
    const answer = await Taro.showModal({
      title: '标记为误报',
      content: '桶并没有满？标记误报后报告人不得积分。请扫描桶上的二维码确认。',
      confirmText: '去扫码',
      cancelText: '不标记',
    })
    if (!answer.confirm) return
    const code = await scannedCode()
    if (!code) return
    const { photoId, leftOut } = await photoOf()
    const res = await markFalse.run({ reportId: stop.reportId, code, photoId })
    if (res.ok) {
      Taro.showToast({ title: leftOut ? '已标记误报（照片未上传）' : '已标记误报', icon: 'none', duration: 1500 })
      onDone()
    } else if ('error' in res && (res.error.code === 'REPORT_NOT_OPEN' || res.error.code === 'NOT_FOUND')) {
      setTimeout(onDone, 1500)
    }
  }

  const error = scanError ?? clean.error ?? markFalse.error

  const onNavigate = () => {
    const place = { lat: stop.bin.lat, lng: stop.bin.lng, name: stop.bin.label, address: stop.bin.courtyard ?? '' }
    openNavigation(place).catch((err: unknown) => {
      // closing WeChat's map page is no error
      if (!/cancel/i.test((err as { errMsg?: string } | undefined)?.errMsg ?? ''))
        setScanError(new AppError('INTERNAL', { message: '打不开地图，请稍后再试', cause: err }))
    })
  }

  return (
    <View className="clean-stop" data-testid="task-stop" data-order={String(stop.order)} data-report-id={stop.reportId} data-label={stop.bin.label}>
      <View className="clean-stop__head">
        <Text className={`clean-stop__order ${stop.order === 1 ? 'clean-stop__order--first' : ''}`}>{stop.order}</Text>
        <View className="clean-stop__title">
          <Text className="clean-stop__label" data-testid="task-label">
            {stop.bin.label}
          </Text>
          {stop.bin.courtyard ? <Text className="clean-stop__courtyard">{stop.bin.courtyard}</Text> : null}
        </View>
        <Text className="clean-stop__kind">{BIN_KINDS[stop.kind] ?? stop.kind}</Text>
      </View>
      <Text className="clean-stop__line">{`${stop.reporters} 人报满 · ${formatTime(stop.openedAt)}`}</Text>
      <View className="clean-stop__where">
        <Text className="clean-stop__line">{`${stop.order === 1 ? '距出发点' : '距上一站'} ${distanceText(stop.legMeters)}`}</Text>
        <Button className="btn-small clean-stop__nav" size="large" data-testid="task-navigate" onClick={onNavigate}>
          导航
        </Button>
      </View>

      {!platform.canScan ? (
        <Field label="桶上贴纸的编码" value={typed} onChange={(v) => setTyped(v.toUpperCase())} maxlength={20} testId="task-code-input" />
      ) : null}

      <PhotoPicker photos={photos} max={1} title="现场照片（可不拍）" testId="task-photo" />

      <ErrorNotice error={error} testId="task-error" />

      <View className="row clean-stop__actions">
        <Button className="btn-small clean-stop__clean" type="primary" size="large" loading={clean.busy || waiting} data-testid="task-clean" onClick={onClean}>
          {platform.canScan ? '扫码确认清运' : '确认清运'}
        </Button>
        <Button className="btn-small clean-stop__false" size="large" loading={markFalse.busy} data-testid="task-false" onClick={onFalse}>
          误报
        </Button>
      </View>
    </View>
  )
}
