import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed } from './common';
import { BIN_KIND_KEYS, BIN_REPORT_STATES, BIN_STATES } from '../domain/bin-report';

const ZBinKind = z.enum(BIN_KIND_KEYS);
const ZBinState = z.enum(BIN_STATES);
/** Bin codes are checked by the use case (unknown and malformed read the same: BIN_NOT_FOUND). */
const ZCodeParam = z.object({ code: z.string().min(1).max(64) });

export const ZBinReport = z.object({
  id: z.string(),
  bin: z.object({ id: z.string(), label: z.string() }),
  state: z.enum(BIN_REPORT_STATES),
  kind: ZBinKind,
  reporters: z.number().int(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TBinReport = z.infer<typeof ZBinReport>;

export const getBin = defineContract({
  method: 'GET',
  path: '/api/bins/{code}',
  summary: '扫码后：垃圾桶与是否已有人报满',
  tag: 'bins',
  params: ZCodeParam,
  response: z.object({
    bin: z.object({ id: z.string(), label: z.string(), village: ZNamed, courtyard: ZNamed.nullable() }),
    openReport: z.object({ id: z.string(), reporters: z.number().int(), openedAt: z.string(), kind: ZBinKind }).nullable(),
    reportedByMe: z.boolean(),
    /** 您已报告: my latest scan of this bin (any report, also one cleaned since), or null. */
    myLastReportAt: z.string().nullable(),
    /** 可再次报告: when I may report this bin again (the server's repeat window), null = now. */
    myNextReportAt: z.string().nullable(),
  }),
});

export const reportBin = defineContract({
  method: 'POST',
  path: '/api/bins/{code}/report',
  summary: '一键报满：新报告 201，并入已有报告 200',
  tag: 'bins',
  status: 201,
  params: ZCodeParam,
  body: z.object({ kind: ZBinKind.default('full'), photoId: z.uuid().optional() }),
  response: z.object({ report: ZBinReport, joined: z.boolean() }),
});

export const ZTaskStop = z.object({
  order: z.number().int(),
  reportId: z.string(),
  bin: z.object({ id: z.string(), label: z.string(), lat: z.number(), lng: z.number(), courtyard: z.string().nullable() }),
  kind: ZBinKind,
  reporters: z.number().int(),
  openedAt: z.string(),
  legMeters: z.number(),
});

export const cleanerTasks = defineContract({
  method: 'GET',
  path: '/api/cleaner/tasks',
  summary: '保洁员：待清运的桶，按路线排序',
  tag: 'bins',
  query: z.object({ lat: z.coerce.number().min(-90).max(90).optional(), lng: z.coerce.number().min(-180).max(180).optional() }),
  response: z.object({
    start: z.object({ lat: z.number(), lng: z.number(), from: z.enum(['device', 'depot', 'first-bin']) }),
    stops: z.array(ZTaskStop),
    totalMeters: z.number(),
  }),
});

const ZConfirm = z.object({ code: z.string().trim().min(1).max(64), photoId: z.uuid().optional() });

export const cleanBinReport = defineContract({
  method: 'POST',
  path: '/api/bin-reports/{id}/clean',
  summary: '现场扫码确认已清运（报告人得积分）',
  tag: 'bins',
  params: z.object({ id: z.uuid() }),
  body: ZConfirm,
  response: ZBinReport,
});

export const markBinReportFalse = defineContract({
  method: 'POST',
  path: '/api/bin-reports/{id}/false',
  summary: '现场扫码标记误报（不得积分）',
  tag: 'bins',
  params: z.object({ id: z.uuid() }),
  body: ZConfirm,
  response: ZBinReport,
});

export const ZVillageBin = z.object({
  id: z.string(),
  label: z.string(),
  code: z.string(),
  state: ZBinState,
  lat: z.number(),
  lng: z.number(),
  courtyard: ZNamed.nullable(),
  cleaners: z.array(ZNamed),
  scene: z.string(),
  h5Url: z.string(),
});
export type TVillageBin = z.infer<typeof ZVillageBin>;

export const listVillageBins = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/bins',
  summary: '村里的垃圾桶与二维码内容（村干部；贴纸打印）',
  tag: 'bins',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({ village: ZNamed, items: z.array(ZVillageBin) }),
});

export const getBinWxaCode = defineContract({
  method: 'GET',
  path: '/api/bins/{code}/wxacode',
  summary: '垃圾桶的小程序码（getwxacodeunlimit，生成一次后缓存）',
  tag: 'bins',
  params: ZCodeParam,
  response: z.object({ contentType: z.string(), base64: z.string() }),
});

const ZLat = z.number().min(-90).max(90);
const ZLng = z.number().min(-180).max(180);

export const createBin = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/bins',
  summary: '新增垃圾桶（村干部）',
  tag: 'bins',
  status: 201,
  params: z.object({ villageId: z.uuid() }),
  body: z.object({
    label: z.string().trim().min(1, '请填写编号').max(20),
    lat: ZLat,
    lng: ZLng,
    courtyardId: z.uuid().nullable().optional(),
    cleanerIds: z.array(z.uuid()).max(5).default([]),
  }),
  response: ZVillageBin,
});

export const updateBin = defineContract({
  method: 'PATCH',
  path: '/api/bins/{code}',
  summary: '移动、停用、改派垃圾桶（村干部）',
  tag: 'bins',
  params: ZCodeParam,
  body: z.object({
    label: z.string().trim().min(1).max(20).optional(),
    lat: ZLat.optional(),
    lng: ZLng.optional(),
    courtyardId: z.uuid().nullable().optional(),
    state: ZBinState.optional(),
    cleanerIds: z.array(z.uuid()).max(5).optional(),
  }),
  response: ZVillageBin,
});

export const importBins = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/bins/import',
  summary: 'CSV 批量导入垃圾桶（编号,纬度,经度,保洁员姓名或手机号），全部成功或全部不导入',
  tag: 'bins',
  status: 201,
  params: z.object({ villageId: z.uuid() }),
  body: z.object({ csv: z.string().min(1).max(200_000) }),
  response: z.object({ created: z.number().int() }),
});

export const binStats = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/bin-stats',
  summary: '爱环境统计：报满、清运用时、误报率、最常满的桶、节省里程估算',
  tag: 'bins',
  params: z.object({ villageId: z.uuid() }),
  query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }),
  response: z.object({
    days: z.number().int(),
    village: z.object({
      reports: z.number().int(),
      cleaned: z.number().int(),
      falseReports: z.number().int(),
      falseRate: z.number(),
      medianMinutesToClean: z.number().nullable(),
    }),
    bins: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        reports: z.number().int(),
        cleaned: z.number().int(),
        falseReports: z.number().int(),
        medianMinutesToClean: z.number().nullable(),
      }),
    ),
    distance: z.object({ days: z.number().int(), visitAllMeters: z.number(), routedMeters: z.number(), savedPercent: z.number() }),
  }),
});

export const ZOpenBinReport = z.object({
  reportId: z.string(),
  bin: z.object({ id: z.string(), label: z.string() }),
  courtyard: z.string().nullable(),
  kind: ZBinKind,
  reporters: z.number().int(),
  openedAt: z.string(),
  /** 超时未清: open longer than the village is told about (REPORT_OVERDUE_MS) */
  overdue: z.boolean(),
  cleaners: z.array(z.string()),
});

export const villageOpenBins = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/open-bins',
  summary: '村里报满未清的垃圾桶，超时的在前（村干部、镇街首页）',
  tag: 'bins',
  params: z.object({ villageId: z.uuid() }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  response: z.object({ open: z.number().int(), overdue: z.number().int(), items: z.array(ZOpenBinReport) }),
});

export const listVillageCleaners = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/cleaners',
  summary: '村里的保洁员（分配垃圾桶时选择）',
  tag: 'bins',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() })) }),
});
