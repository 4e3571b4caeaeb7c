import * as z from 'zod';
import { defineContract } from './define';
import { ZRequestItem } from './requests';
import { REQUEST_QUEUE_FILTER_KEYS } from '../domain/requests';

/**
 * 找院长 at the desk (the back office): every request of one place — a courtyard (院长), a
 * village (村干部) or a township (镇街) — whatever its level, with filters, newest first, and
 * the same list as a spreadsheet.
 */
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 2026-01-31');
const ZFilters = {
  state: z.enum(REQUEST_QUEUE_FILTER_KEYS).default('all'),
  villageId: z.uuid().optional(),
  courtyardId: z.uuid().optional(),
  /** only overdue (true) or only not overdue (false): open and past its due time */
  overdue: z.enum(['true', 'false']).optional(),
  /** submitted on or after this day, on or before that day (China time) */
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** 工单号, full or without the letter */
  q: z.string().trim().max(40, '工单号太长').optional(),
};
const ZListQuery = z.object({ ...ZFilters, cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });
const ZExportQuery = z.object({ ...ZFilters, format: z.enum(['xlsx', 'csv']).default('xlsx') });
const ZListResponse = z.object({ items: z.array(ZRequestItem), nextCursor: z.string().nullable() });
/** The file, carried base64 to the adapter, which sends the bytes with their name. */
export const ZFileOut = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });

const list = <Path extends string, P extends z.ZodType>(path: Path, params: P, who: string) =>
  defineContract({
    method: 'GET',
    path,
    summary: `找院长工单列表（${who}）：按状态、院落、超时、提交日期、工单号筛选，新的在前`,
    tag: 'requests',
    params,
    query: ZListQuery,
    response: ZListResponse,
  });

const exported = <Path extends string, P extends z.ZodType>(path: Path, params: P, who: string) =>
  defineContract({
    method: 'GET',
    path,
    summary: `导出找院长工单（${who}）为 Excel 或 CSV，筛选同列表`,
    tag: 'requests',
    params,
    query: ZExportQuery,
    response: ZFileOut,
  });

const ZCourtyard = z.object({ courtyardId: z.uuid() });
const ZVillage = z.object({ villageId: z.uuid() });
const ZTownship = z.object({ townshipId: z.uuid() });

export const courtyardRequests = list('/api/courtyards/{courtyardId}/requests', ZCourtyard, '院长：本院落');
export const villageRequests = list('/api/villages/{villageId}/requests', ZVillage, '村干部：本村');
export const townshipRequests = list('/api/townships/{townshipId}/requests', ZTownship, '镇街：本镇街');
export const exportCourtyardRequests = exported('/api/courtyards/{courtyardId}/requests/export', ZCourtyard, '院长：本院落');
export const exportVillageRequests = exported('/api/villages/{villageId}/requests/export', ZVillage, '村干部：本村');
export const exportTownshipRequests = exported('/api/townships/{townshipId}/requests/export', ZTownship, '镇街：本镇街');

export type TDeskQuery = z.output<typeof ZListQuery>;
export type TDeskExportQuery = z.output<typeof ZExportQuery>;
