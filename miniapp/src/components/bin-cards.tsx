import { Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { BIN_CODE_LENGTH, BIN_KINDS, parseBinInput } from '../../../shared/domain/bin-report'
import { isSceneSafe } from '../../../shared/domain/scene-code'
import { listCleanerTasks } from '../api/bins'
import { openAdminLoginScan } from '../lib/admin-login'
import { BIN_ROUTES, scanPageFor } from '../lib/bin-routes'
import { openPage } from '../lib/navigation'
import { pendingEntries } from '../lib/outbox'
import { useHint } from '../lib/use-hint'
import { platform, PlatformCancelled } from '../platform'
import { EntryCard } from './card'
import { PreviewRow } from './preview-row'

/** A bin code read from a scan (bare code, `b=CODE`, a page path or the H5 link), or null. */
export function binCodeFromScan(raw: string): string | null {
  const code = parseBinInput(raw)
  return code.length === BIN_CODE_LENGTH && isSceneSafe(code) ? code : null
}

/**
 * Runs `load` when the card mounts and whenever its page shows again. Cards appear after the
 * page has shown (once /api/me is in), and Taro calls useDidShow only for later shows.
 */
function useOnShow(load: () => void) {
  const ref = useRef(load)
  ref.current = load
  useEffect(() => ref.current(), [])
  useDidShow(() => ref.current())
}

/** Scans a bin's QR and opens its report page; where there is no scanner, the page itself (it takes a typed code). */
export async function scanBinToReport(): Promise<void> {
  if (!platform.canScan) return openPage(BIN_ROUTES.scan)
  try {
    const res = await platform.scanCode()
    const code = binCodeFromScan(res.path || res.result)
    if (code) openPage(scanPageFor(code))
    // a staff member scanning the back office's login QR with the same scanner
    else if (openAdminLoginScan(res)) return
    else Taro.showToast({ title: '这不是垃圾桶上的二维码', icon: 'none', duration: 2000 })
  } catch (err) {
    if (!(err instanceof PlatformCancelled)) Taro.showToast({ title: '扫码没有成功，请再试一次', icon: 'none', duration: 2000 })
  }
}

/**
 * 首页 · 扫码报满: scans a bin's QR and opens its report page (where there is no scanner, the
 * page itself, which takes a typed code). Also says when reports wait on the phone for a network.
 */
export function BinReportCard() {
  const [kept, setKept] = useState(0)
  useOnShow(() => setKept(pendingEntries().length))

  return (
    <EntryCard
      title="扫码报满"
      desc={<Text data-testid="home-bin-report-text">{kept ? `有 ${kept} 条报告等待联网后自动上报` : '垃圾桶满了？扫一扫桶上的二维码，一键告诉保洁员'}</Text>}
      testId="home-bin-report"
      onClick={() => void scanBinToReport()}
    />
  )
}

/**
 * 首页 · 清运任务 for 保洁员: how many bins wait, opening the route; on the cleaner's 工作台
 * (`preview`) also the first stops in route order.
 */
export function CleanerTasksCard({ preview = 0 }: { preview?: number }) {
  const tasks = useHint(() => listCleanerTasks())
  const open = tasks ? tasks.stops.length : null
  const stops = tasks?.stops.slice(0, preview) ?? []
  return (
    <EntryCard
      title="清运任务"
      badge={open ?? undefined}
      desc={
        <Text data-testid="home-cleaner-tasks-text">
          {open === null ? '报满的垃圾桶，按路线清运' : open ? `有 ${open} 个垃圾桶等待清运` : '暂无待清运的垃圾桶'}
        </Text>
      }
      testId="home-cleaner-tasks"
      onClick={() => openPage(BIN_ROUTES.cleanerTasks)}
    >
      {stops.map((s) => (
        <PreviewRow
          key={s.reportId}
          testId="home-cleaner-stop"
          data={{ order: String(s.order), label: s.bin.label }}
          text={`${s.order}. ${s.bin.label}${s.bin.courtyard ? ` · ${s.bin.courtyard}` : ''} · ${BIN_KINDS[s.kind]}`}
        />
      ))}
    </EntryCard>
  )
}
