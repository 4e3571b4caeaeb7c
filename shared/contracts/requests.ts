import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed } from './common';
import { REQUEST_CATEGORY_KEYS, REQUEST_LEVEL_KEYS, REQUEST_QUEUE_FILTER_KEYS, REQUEST_STATE_KEYS } from '../domain/requests';

export const ZRequestCategory = z.enum(REQUEST_CATEGORY_KEYS);
export const ZRequestLevel = z.enum(REQUEST_LEVEL_KEYS);
export const ZRequestState = z.enum(REQUEST_STATE_KEYS);
const ZId = z.object({ id: z.uuid() });
const ZPhotoIds = z.array(z.uuid()).max(4, '最多4张照片').default([]);
const ZNote = z.string().trim().max(500, '不超过500字');

export const ZRequestItem = z.object({
  id: z.string(),
  /** 工单号, e.g. Z260042 (shared/domain/ticket-number.ts) */
  ticket: z.string(),
  category: ZRequestCategory,
  text: z.string(),
  state: ZRequestState,
  level: ZRequestLevel,
  requester: ZNamed,
  courtyard: ZNamed,
  handler: ZNamed.nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  rating: z.number().int().nullable(),
});
export type TRequestItem = z.infer<typeof ZRequestItem>;

export const ZRequestDetail = ZRequestItem.extend({
  place: z.string().nullable(),
  photoIds: z.array(z.string()),
  /** the requester's phone: shown to handlers, so they can call back (not to the requester: it is her own) */
  requesterPhone: z.string().nullable(),
  /**
   * whom the requester can phone (empty for everyone else): the handler once someone took the
   * request, before that the courtyard's heads — the people 找院长 is addressed to
   */
  contacts: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string(), role: z.enum(['handler', 'courtyard_head']) })),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  ratingComment: z.string().nullable(),
  /** what the caller may do now */
  can: z.object({
    accept: z.boolean(),
    resolve: z.boolean(),
    setLevel: z.boolean(),
    message: z.boolean(),
    confirm: z.boolean(),
    reopen: z.boolean(),
    withdraw: z.boolean(),
  }),
  reopenUntil: z.string().nullable(),
});
export type TRequestDetail = z.infer<typeof ZRequestDetail>;

export const createRequest = defineContract({
  method: 'POST',
  path: '/api/requests',
  summary: '找院长：提交事项（通知院长和副院长）',
  tag: 'requests',
  status: 201,
  body: z.object({
    category: ZRequestCategory,
    text: z.string().trim().min(2, '请写清楚是什么事').max(1000, '不超过1000字'),
    place: z.string().trim().max(100).optional(),
    photoIds: ZPhotoIds,
  }),
  response: ZRequestDetail,
});

const ZList = z.object({ items: z.array(ZRequestItem), nextCursor: z.string().nullable() });
const ZPaging = { cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) };

export const listMyRequests = defineContract({
  method: 'GET',
  path: '/api/requests/mine',
  summary: '我提交的事项',
  tag: 'requests',
  query: z.object(ZPaging),
  response: ZList,
});

export const requestQueue = defineContract({
  method: 'GET',
  path: '/api/requests/queue',
  summary: '待我处理的事项（院长、村干部、镇街），超时的在前，按期限排序；q 按工单号查找（如 Z260042 或 260042，不分状态）',
  tag: 'requests',
  query: z.object({
    state: z.enum(REQUEST_QUEUE_FILTER_KEYS).default('open'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** 工单号 to find, full or without the letter; exact match within what the caller handles */
    q: z.string().trim().max(40, '工单号太长').optional(),
  }),
  response: z.object({ items: z.array(ZRequestItem) }),
});

export const getRequest = defineContract({
  method: 'GET',
  path: '/api/requests/{id}',
  summary: '事项详情（提交人、处理链上的人和范围内的干部可见）',
  tag: 'requests',
  params: ZId,
  response: ZRequestDetail,
});

export const ZRequestMessage = z.object({
  id: z.string(),
  author: ZNamed,
  mine: z.boolean(),
  fromRequester: z.boolean(),
  body: z.string(),
  photoIds: z.array(z.string()),
  createdAt: z.string(),
});

export const listRequestMessages = defineContract({
  method: 'GET',
  path: '/api/requests/{id}/messages',
  summary: '事项的沟通记录',
  tag: 'requests',
  params: ZId,
  response: z.object({ items: z.array(ZRequestMessage) }),
});

export const postRequestMessage = defineContract({
  method: 'POST',
  path: '/api/requests/{id}/messages',
  summary: '在事项里留言（对方收到通知）',
  tag: 'requests',
  status: 201,
  params: ZId,
  body: z.object({ body: z.string().trim().min(1, '请输入内容').max(500, '不超过500字'), photoIds: ZPhotoIds }),
  response: ZRequestMessage,
});

export const ZRequestEvent = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  actor: ZNamed.nullable(),
  fromState: ZRequestState.nullable(),
  toState: ZRequestState.nullable(),
  fromLevel: ZRequestLevel.nullable(),
  toLevel: ZRequestLevel.nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const requestTimeline = defineContract({
  method: 'GET',
  path: '/api/requests/{id}/timeline',
  summary: '事项的全过程记录（不可修改）',
  tag: 'requests',
  params: ZId,
  response: z.object({ items: z.array(ZRequestEvent) }),
});

const action = <B extends z.ZodObject>(verb: string, summary: string, body: B) =>
  defineContract({ method: 'POST', path: `/api/requests/{id}/${verb}`, summary, tag: 'requests', params: ZId, body, response: ZRequestDetail });

export const acceptRequest = action('accept', '受理事项', z.object({}));
export const resolveRequest = action('resolve', '办结事项（写明处理结果或建议）', z.object({ note: ZNote.min(1, '请写明处理结果') }));
export const confirmRequest = action(
  'confirm',
  '提交人确认办结并评价',
  z.object({ rating: z.number().int().min(1, '请打分').max(5), comment: ZNote.optional() }),
);
export const reopenRequest = action('reopen', '提交人对办理结果不满意，重新打开', z.object({ reason: ZNote.min(1, '请说明原因') }));
export const withdrawRequest = action('withdraw', '提交人在受理前撤回', z.object({ reason: ZNote.optional() }));
export const setRequestLevel = action(
  'level',
  '定性（私事/小事/大事/难事）：升级为吹哨到村、报到镇街，或降级',
  z.object({ level: ZRequestLevel, note: ZNote.optional() }),
);

export const ZRequestSettings = z.object({
  acceptHours: z.number().int().min(1).max(720),
  resolveHours: z.number().int().min(1).max(8760),
  reopenDays: z.number().int().min(0).max(90),
  sosAckMinutes: z.number().int().min(1).max(120),
});

export const getRequestSettings = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/request-settings',
  summary: '找院长时限设置（受理、办结、可重开天数、一键呼叫响应分钟）',
  tag: 'requests',
  params: z.object({ villageId: z.uuid() }),
  response: ZRequestSettings,
});

export const updateRequestSettings = defineContract({
  method: 'PUT',
  path: '/api/villages/{villageId}/request-settings',
  summary: '修改找院长时限（村干部）',
  tag: 'requests',
  params: z.object({ villageId: z.uuid() }),
  body: ZRequestSettings,
  response: ZRequestSettings,
});

const ZFigures = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  resolved: z.number().int(),
  resolutionRate: z.number(),
  medianHoursToAccept: z.number().nullable(),
  medianHoursToResolve: z.number().nullable(),
  satisfaction: z.number().nullable(),
  ratings: z.number().int(),
});

export const villageRequestStats = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/request-stats',
  summary: '找院长统计：未办结、超时、办结率、受理与办结用时中位数、满意度，分院落',
  tag: 'requests',
  params: z.object({ villageId: z.uuid() }),
  query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }),
  response: z.object({ days: z.number().int(), village: ZFigures, courtyards: z.array(ZFigures.extend({ id: z.string(), name: z.string() })) }),
});

export const townshipRequestStats = defineContract({
  method: 'GET',
  path: '/api/townships/{townshipId}/request-stats',
  summary: '找院长统计，分村（镇街）',
  tag: 'requests',
  params: z.object({ townshipId: z.uuid() }),
  query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }),
  response: z.object({ days: z.number().int(), township: ZFigures, villages: z.array(ZFigures.extend({ id: z.string(), name: z.string() })) }),
});
