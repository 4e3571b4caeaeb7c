/**
 * 爱环境 page paths (kept apart from routes.ts so the bins work and the points work never
 * edit the same file). The scan page is where every bin's QR lands: shared/domain/bin-report.
 */
import { BIN_SCAN_PAGE } from '../../../shared/domain/bin-report'

export const BIN_ROUTES = {
  /** 扫码报满 (villagers): `?code=` or the QR's `?scene=b%3D<code>`. */
  scan: `/${BIN_SCAN_PAGE}`,
  /** 清运任务 (保洁员). */
  cleanerTasks: '/pkg-clean/tasks/index',
  /** 后台 · 垃圾桶 (村干部): list, and from it edit / import / figures / stickers. */
  admin: '/pkg-admin/bins/index',
  edit: '/pkg-admin/bins-edit/index',
  import: '/pkg-admin/bins-import/index',
  stats: '/pkg-admin/bins-stats/index',
  stickers: '/pkg-admin/bins-stickers/index',
} as const

/** The scan page for one bin. */
export function scanPageFor(code: string): string {
  return `${BIN_ROUTES.scan}?code=${encodeURIComponent(code)}`
}
