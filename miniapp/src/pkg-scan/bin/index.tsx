import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { BIN_KINDS, parseBinInput, REPORT_REPEAT_WINDOW_MS, type TBinKind } from '../../../../shared/domain/bin-report'
import { AppError } from '../../../../shared/errors'
import { getBin, reportPath, type TBinView, type TReportAnswer } from '../../api/bins'
import { NetworkError, toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { PhotoPicker, usePhotos } from '../../components/photo-picker'
import { BIN_ROUTES, scanPageFor } from '../../lib/bin-routes'
import { formatTime } from '../../lib/format'
import { flushOutbox, onOutbox, pendingEntries, pendingFor, sendThroughOutbox } from '../../lib/outbox'
import { ROUTES } from '../../lib/routes'
import { platform, PlatformCancelled } from '../../platform'
import { binCodeFromParams } from './params'
import { useElderMode } from '../../lib/elder-mode'
import './index.scss'

type TOutcome = 'new' | 'joined' | 'queued'

const OUTCOME_TEXT: Record<TOutcome, string> = {
  new: '已通知保洁员',
  joined: '已有人报告，已记下您也遇到了',
  queued: '已保存，联网后自动上报',
}

const KINDS = Object.keys(BIN_KINDS) as TBinKind[]

/**
 * 扫码报满: the page every bin's QR opens (a tiny subpackage, so it opens fast). One big
 * button reports the bin; on a weak network the report is kept on the phone and sent by
 * itself later (lib/outbox.ts) with the same Idempotency-Key.
 *
 * An optional photo is uploaded as soon as it is chosen, and the report carries its id. A
 * photo that did not get through (no network, or refused) is left out and the report goes
 * anyway: the report is what the cleaner needs, and the outbox keeps only small JSON bodies
 * (a photo is up to 700 KB; WeChat storage allows 1 MB per key and 10 MB in all).
 */
export default function BinScanPage() {
  const elder = useElderMode()
  const { params } = useRouter()
  const [code] = useState(() => binCodeFromParams(params))
  const [typed, setTyped] = useState('')
  const [view, setView] = useState<TBinView | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [kind, setKind] = useState<TBinKind>('full')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<TOutcome | null>(() => (code && pendingFor(reportPath(code)) ? 'queued' : null))
  const [sentLater, setSentLater] = useState(false)
  const [reportError, setReportError] = useState<AppError | null>(null)
  const [othersKept, setOthersKept] = useState(0)
  const [photoLeftOut, setPhotoLeftOut] = useState(false)
  const photos = usePhotos()
  const busyRef = useRef(false)

  const path = code ? reportPath(code) : ''
  const notFound = loadError?.code === 'BIN_NOT_FOUND'

  const countKept = () => setOthersKept(pendingEntries().filter((e) => e.path !== path).length)

  const load = async () => {
    if (!code || !getToken()) return
    try {
      setView(await getBin(code))
      setLoadError(null)
    } catch (err) {
      setLoadError(toAppError(err))
    }
  }

  useDidShow(() => {
    if (!getToken()) {
      // sign in first, then come straight back to this bin
      Taro.reLaunch({ url: `${ROUTES.login}?redirect=${encodeURIComponent(code ? scanPageFor(code) : BIN_ROUTES.scan)}` })
      return
    }
    countKept()
    void load()
    void flushOutbox()
  })

  // A report kept offline that lands (or is refused) while this page is open.
  useEffect(
    () =>
      onOutbox((e) => {
        countKept()
        if (e.entry.path !== path) return
        if (e.type === 'sent') {
          setOutcome((e.value as TReportAnswer).joined ? 'joined' : 'new')
          setSentLater(true)
          void load()
        } else if (e.type === 'refused') {
          setOutcome(null)
          setReportError(e.error)
        }
      }),
    [path],
  )

  // The page left open past the repeat window: ask again, and the button comes back.
  const nextAt = view?.myNextReportAt ?? null
  useEffect(() => {
    if (!nextAt) return undefined
    const ms = new Date(nextAt).getTime() - Date.now()
    if (!(ms > 0) || ms > REPORT_REPEAT_WINDOW_MS) return undefined
    const t = setTimeout(() => void load(), ms + 1000)
    return () => clearTimeout(t)
  }, [nextAt])

  const report = async () => {
    if (busyRef.current || !code) return
    busyRef.current = true
    setBusy(true)
    setReportError(null)
    try {
      const { ids, missing } = await photos.settled() // a photo still uploading: wait for it
      setPhotoLeftOut(missing > 0)
      const body = ids.length ? { kind, photoId: ids[0] } : { kind }
      const label = `${view?.bin.label ?? '垃圾桶'} · ${BIN_KINDS[kind]}`
      const res = await sendThroughOutbox<TReportAnswer>(path, body, label)
      if (res.status === 'sent') {
        setOutcome(res.value.joined ? 'joined' : 'new')
        setSentLater(false)
        void load()
      } else {
        setOutcome('queued')
      }
    } catch (err) {
      setOutcome(null)
      setReportError(toAppError(err))
    } finally {
      busyRef.current = false
      setBusy(false)
      countKept()
    }
  }

  const scanAnother = async () => {
    try {
      const res = await platform.scanCode()
      const next = parseBinInput(res.path || res.result)
      if (next) Taro.redirectTo({ url: scanPageFor(next) })
      else setReportError(new AppError('BIN_NOT_FOUND', { message: '这不是垃圾桶上的二维码，请扫描桶上的贴纸' }))
    } catch (err) {
      if (err instanceof PlatformCancelled) return
      setReportError(new AppError('VALIDATION_FAILED', { message: '扫码没有成功，请再试一次', cause: err }))
    }
  }

  const openTyped = () => {
    const next = parseBinInput(typed)
    if (next) Taro.redirectTo({ url: scanPageFor(next) })
  }

  if (!code) {
    return (
      <View className={`page bin-scan ${elder.className}`}>
        <Text className="page-title">扫码报满</Text>
        <Text className="page-subtitle">垃圾桶满了？扫一扫桶上的二维码，一键告诉保洁员。</Text>
        {platform.canScan ? (
          <Button className="btn bin-scan__big" type="primary" size="xlarge" block data-testid="bin-scan" onClick={scanAnother}>
            扫一扫垃圾桶二维码
          </Button>
        ) : (
          <Text className="muted" data-testid="bin-scan-unavailable">
            请用微信扫描垃圾桶上的二维码。
          </Text>
        )}
        <View className="gap" />
        <Field label="或者输入贴纸上的编码" value={typed} onChange={(v) => setTyped(v.toUpperCase())} maxlength={20} testId="bin-code-input" />
        <Button className="btn" size="xlarge" block data-testid="bin-code-submit" onClick={openTyped}>
          下一步
        </Button>
        <ErrorNotice error={reportError} testId="bin-scan-error" />
      </View>
    )
  }

  const open = view?.openReport ?? null
  const done = outcome === 'new' || outcome === 'joined'
  // 您已报告: within the server's repeat window another tap would only be refused (429)
  const waitUntil = !outcome && view?.myNextReportAt ? view.myNextReportAt : null
  const offlineLoad = loadError instanceof NetworkError || (loadError !== null && loadError.status >= 500)

  return (
    <View className={`page bin-scan ${elder.className}`}>
      <View className="bin-scan__bin" data-testid="bin-info" data-code={code}>
        <Text className="bin-scan__label" data-testid="bin-label">
          {view ? view.bin.label : notFound ? '找不到这个垃圾桶' : '垃圾桶'}
        </Text>
        {view ? (
          <Text className="bin-scan__place" data-testid="bin-place">
            {[view.bin.village.name, view.bin.courtyard?.name].filter(Boolean).join(' · ')}
          </Text>
        ) : null}
      </View>

      {notFound ? <ErrorNotice error={loadError} testId="bin-load-error" /> : null}
      {offlineLoad ? (
        <View className="bin-scan__note" data-testid="bin-offline">
          <Text>网络不太好，桶的信息没有加载出来。仍然可以报告，联网后会自动上报。</Text>
        </View>
      ) : loadError && !notFound ? (
        <ErrorNotice error={loadError} testId="bin-load-error" />
      ) : null}

      {open ? (
        <View className="bin-scan__status" data-testid="bin-open" data-reporters={String(open.reporters)} data-mine={view?.reportedByMe ? 'true' : 'false'}>
          <Text className="bin-scan__status-main">{`已有 ${open.reporters} 人报告已满`}</Text>
          <Text className="bin-scan__status-sub">{`首次报告 ${formatTime(open.openedAt)}，保洁员已收到`}</Text>
          {view?.reportedByMe && !waitUntil ? (
            <Text className="bin-scan__mine" data-testid="bin-reported-by-me">
              您已报告，谢谢！
            </Text>
          ) : null}
        </View>
      ) : null}

      {waitUntil && view ? (
        <View className="bin-scan__result bin-scan__result--ok" data-testid="bin-report-wait" data-next={waitUntil}>
          <Text className="bin-scan__result-title">您已报告</Text>
          <Text className="bin-scan__mine-line" data-testid="bin-reported-at">{`报告时间 ${formatTime(view.myLastReportAt)}`}</Text>
          <Text className="bin-scan__mine-line" data-testid="bin-next-report">{`${formatTime(waitUntil)} 以后可以再次报告`}</Text>
          <Text className="bin-scan__result-sub">保洁员已收到，清运后您会在「消息」里收到通知。</Text>
        </View>
      ) : null}

      {outcome ? (
        <View className={`bin-scan__result ${done ? 'bin-scan__result--ok' : ''}`} data-testid="bin-report-result" data-outcome={outcome}>
          <Text className="bin-scan__result-title">{OUTCOME_TEXT[outcome]}</Text>
          <Text className="bin-scan__result-sub">
            {outcome === 'queued'
              ? '报告已存在手机上，有网络时会自动发出，不会重复。'
              : sentLater
                ? '您之前保存的报告已经发出。清运后您会在「消息」里收到通知。'
                : '清运后您会在「消息」里收到通知，确认清运后还能得积分。'}
          </Text>
          {photoLeftOut ? (
            <Text className="bin-scan__result-sub" data-testid="bin-photo-left-out">
              照片没有传上去，这次报告没有带照片。
            </Text>
          ) : null}
        </View>
      ) : null}

      {!notFound && !done && !waitUntil ? (
        <>
          {outcome !== 'queued' ? (
            <View className="bin-scan__kinds">
              <Text className="bin-scan__kinds-label">什么情况？（可不选）</Text>
              <View className="chips">
                {KINDS.map((k) => (
                  <Text
                    key={k}
                    className={`chip bin-scan__chip ${kind === k ? 'chip--on' : ''}`}
                    data-testid={`bin-kind-${k}`}
                    data-on={kind === k ? 'true' : 'false'}
                    onClick={() => setKind(k)}
                  >
                    {BIN_KINDS[k]}
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
          {outcome !== 'queued' ? <PhotoPicker photos={photos} max={1} title="拍张照片（可不拍）" testId="bin-photo" /> : null}
          <Button
            className="btn bin-scan__big"
            type="primary"
            size="xlarge"
            block
            loading={busy}
            data-testid={outcome === 'queued' ? 'bin-report-retry' : 'bin-report'}
            onClick={report}
          >
            {outcome === 'queued' ? '现在再试一次' : '报告已满'}
          </Button>
        </>
      ) : null}

      <ErrorNotice error={reportError} testId="bin-report-error" />

      {othersKept ? <Text className="muted bin-scan__kept" data-testid="bin-kept-others">{`还有 ${othersKept} 条报告等待联网上报`}</Text> : null}

      <View className="gap" />
      {platform.canScan ? (
        <Button className="btn" size="xlarge" block data-testid="bin-scan-another" onClick={scanAnother}>
          扫另一个桶
        </Button>
      ) : null}
      {/* the scan page is often the app's first page (opened by a QR): start 首页 afresh */}
      <Button className="btn" size="xlarge" block data-testid="bin-home" onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
        回到首页
      </Button>
    </View>
  )
}
