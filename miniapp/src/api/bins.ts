import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  binStats as statsContract,
  cleanBinReport as cleanContract,
  cleanerTasks as tasksContract,
  createBin as createContract,
  getBin as getBinContract,
  getBinWxaCode as wxaCodeContract,
  importBins as importContract,
  listVillageCleaners as cleanersContract,
  listVillageBins as listContract,
  markBinReportFalse as falseContract,
  reportBin as reportContract,
  updateBin as updateContract,
  villageOpenBins as openBinsContract,
  TBinReport,
  TVillageBin,
} from '../../../shared/contracts/bins'
import * as E from '../../../shared/contracts/endpoints'
import { call, pathOf } from './call'

export type { TBinReport, TVillageBin }
export type TBinView = TResponseOf<typeof getBinContract>
export type TReportAnswer = TResponseOf<typeof reportContract>
export type TReportBody = TBodyOf<typeof reportContract>
export type TCleanerTasks = TResponseOf<typeof tasksContract>
export type TTaskStop = TCleanerTasks['stops'][number]
export type TVillageBins = TResponseOf<typeof listContract>
export type TBinInput = TBodyOf<typeof createContract>
export type TBinPatch = TBodyOf<typeof updateContract>
export type TBinStats = TResponseOf<typeof statsContract>
export type TWxaCode = TResponseOf<typeof wxaCodeContract>
/** What the cleaner sends on site: the scanned code, and optionally a photo (POST /api/media first). */
export type TConfirmBody = TBodyOf<typeof cleanContract>
export type TVillageCleaners = TResponseOf<typeof cleanersContract>
export type TOpenBins = TResponseOf<typeof openBinsContract>

/** 扫码后: the bin, and whether it already has an open report (and whether I am in it). */
export function getBin(code: string): Promise<TBinView> {
  return call(E.getBin, { params: { code } })
}

/** Path of 一键报满 for a bin: the outbox (lib/outbox.ts) sends and, on a weak network, re-sends it. */
export function reportPath(code: string): string {
  return pathOf(E.reportBin, { code })
}

/** 保洁员: open bins in route order; without a position the server starts at the village depot. */
export function listCleanerTasks(at?: { lat: number; lng: number } | null): Promise<TCleanerTasks> {
  return call(E.cleanerTasks, { query: at ? { lat: at.lat, lng: at.lng } : undefined })
}

/** 扫码确认清运: `code` is what the cleaner scanned on site (409 WRONG_BIN for another bin). */
export function cleanReport(reportId: string, body: TConfirmBody, idempotencyKey: string): Promise<TResponseOf<typeof cleanContract>> {
  return call(E.cleanBinReport, { params: { id: reportId }, body }, { idempotencyKey })
}

/** 误报: also scanned on site; nobody earns points. */
export function markReportFalse(reportId: string, body: TConfirmBody, idempotencyKey: string): Promise<TResponseOf<typeof falseContract>> {
  return call(E.markBinReportFalse, { params: { id: reportId }, body }, { idempotencyKey })
}

/** 村干部 / 镇街管理员: a village's bins with what their stickers carry. */
export function listVillageBins(villageId: string): Promise<TVillageBins> {
  return call(E.listVillageBins, { params: { villageId } })
}

export function createBin(villageId: string, body: TBinInput, idempotencyKey: string): Promise<TVillageBin> {
  return call(E.createBin, { params: { villageId }, body }, { idempotencyKey })
}

/** Move, rename, disable / enable, reassign cleaners. */
export function updateBin(code: string, body: TBinPatch, idempotencyKey: string): Promise<TVillageBin> {
  return call(E.updateBin, { params: { code }, body }, { idempotencyKey })
}

/** CSV 导入, all or nothing: a 400 carries one issue per bad line (「第3行：纬度无效」). */
export function importBins(villageId: string, csv: string, idempotencyKey: string): Promise<TResponseOf<typeof importContract>> {
  return call(E.importBins, { params: { villageId }, body: { csv } }, { idempotencyKey })
}

/** 村里的保洁员, to assign to a bin (村干部, 镇街管理员). */
export function listVillageCleaners(villageId: string): Promise<TVillageCleaners> {
  return call(E.listVillageCleaners, { params: { villageId } })
}

export function getBinStats(villageId: string, days: number): Promise<TBinStats> {
  return call(E.binStats, { params: { villageId }, query: { days } })
}

/** 小程序码 of a bin (image bytes as base64), for the sticker sheet. */
export function getBinWxaCode(code: string): Promise<TWxaCode> {
  return call(E.getBinWxaCode, { params: { code } })
}

/** 待清运 (村干部, 镇街): the village's bins reported full and not cleaned, overdue first. */
export function listVillageOpenBins(villageId: string, limit = 3): Promise<TOpenBins> {
  return call(E.villageOpenBins, { params: { villageId }, query: { limit } })
}
