import ExcelJS from 'exceljs';
import { listDeskRequests, type TDeskFilter } from '../../../db/queries/request-desk';
import type { TDeskExportQuery, TDeskQuery } from '../../../shared/contracts/office-requests';
import type { TRequestItem } from '../../../shared/contracts/requests';
import { OPEN_STATES, REQUEST_CATEGORIES, REQUEST_LEVELS, REQUEST_QUEUE_FILTERS, REQUEST_STATES, type TTier } from '../../../shared/domain/requests';
import { parseTicket } from '../../../shared/domain/ticket-number';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';
import { toRequestItem } from './to-request';

type TPlace = { tier: TTier; id: string };
type TFilters = Omit<TDeskQuery, 'cursor' | 'limit'>;

/** The most rows one export holds (a village's years of requests fit many times over). */
export const EXPORT_MAX_ROWS = 20_000;

const CST = '+08:00';
const dayStart = (day: string) => new Date(`${day}T00:00:00${CST}`);

/** The query's filters as the database reads them (days are China days, `to` inclusive). */
function toFilter(place: TPlace, q: TFilters, now: Date): TDeskFilter {
  const f: TDeskFilter = { place, states: REQUEST_QUEUE_FILTERS[q.state], villageId: q.villageId, courtyardId: q.courtyardId };
  if (q.overdue) f.overdue = { is: q.overdue === 'true', now, open: OPEN_STATES };
  if (q.from) f.from = dayStart(q.from);
  if (q.to) f.before = new Date(dayStart(q.to).getTime() + 86_400_000);
  if ([f.from, f.before].some((d) => d && Number.isNaN(d.getTime()))) throw new AppError('VALIDATION_FAILED', { message: '日期不对' });
  if (q.q) {
    const t = parseTicket(q.q);
    if (!t || t.kind === 'sos') throw new AppError('TICKET_INVALID');
    f.ticket = { year: t.year, seq: t.seq };
  }
  return f;
}

/** 找院长 at the desk: the place's requests, any level, newest first, a page at a time. */
export async function listDeskRequestsOf(ctx: TSignedInContext, place: TPlace, q: TDeskQuery) {
  const now = ctx.now();
  const rows = await listDeskRequests(ctx.db, toFilter(place, q, now), q.cursor ? decodeCursor(q.cursor) : null, q.limit);
  const { items, nextCursor } = page(rows, q.limit);
  return { items: items.map((r) => toRequestItem(r, now)), nextCursor };
}

const COLUMNS: { header: string; width: number; value: (i: TRequestItem) => string | number }[] = [
  { header: '工单号', width: 12, value: (i) => i.ticket },
  { header: '院落', width: 14, value: (i) => i.courtyard.name },
  { header: '类别', width: 10, value: (i) => REQUEST_CATEGORIES[i.category] },
  { header: '大小', width: 8, value: (i) => REQUEST_LEVELS[i.level] },
  { header: '内容', width: 50, value: (i) => i.text },
  { header: '状态', width: 12, value: (i) => REQUEST_STATES[i.state] },
  { header: '提交人', width: 10, value: (i) => i.requester.name },
  { header: '提交时间', width: 18, value: (i) => chinaTime(i.createdAt) },
  { header: '期限', width: 18, value: (i) => (i.dueAt ? chinaTime(i.dueAt) : '') },
  { header: '超时', width: 6, value: (i) => (i.overdue ? '是' : '否') },
  { header: '处理人', width: 10, value: (i) => i.handler?.name ?? '' },
  { header: '评分', width: 6, value: (i) => i.rating ?? '' },
];

/** The spreadsheet's header row (the test reads the file back against it). */
export const EXPORT_HEADERS = COLUMNS.map((c) => c.header);

/** 2026-03-01 08:05, China time. */
export function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');
}

/** 导出: the same filter as the list, every row (up to EXPORT_MAX_ROWS), as XLSX or CSV (UTF-8 with BOM, so Excel reads the Chinese). */
export async function exportDeskRequests(ctx: TSignedInContext, place: TPlace, q: TDeskExportQuery) {
  const now = ctx.now();
  const rows = await listDeskRequests(ctx.db, toFilter(place, q, now), null, EXPORT_MAX_ROWS);
  if (rows.length > EXPORT_MAX_ROWS) throw new AppError('VALIDATION_FAILED', { message: `超过${EXPORT_MAX_ROWS}条，请缩小筛选范围后再导出` });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('找院长工单');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) {
    const item = toRequestItem(r, now);
    ws.addRow(COLUMNS.map((c) => c.value(item)));
  }
  ws.getRow(1).font = { bold: true };
  const day = chinaTime(now.toISOString()).slice(0, 10).replace(/-/g, '');
  const filename = `找院长工单-${day}.${q.format}`;
  if (q.format === 'csv') {
    const csv = Buffer.from(await wb.csv.writeBuffer());
    return { filename, contentType: 'text/csv; charset=utf-8', base64: Buffer.concat([Buffer.from('\ufeff'), csv]).toString('base64') };
  }
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64') };
}
