import * as z from 'zod';
import { defineContract } from './define';
import { DELETION_STATES } from '../domain/privacy';

/** 协议版本: the version in force and the one this person agreed to (null: never). */
export const ZConsentState = z.object({
  current: z.string(),
  agreedVersion: z.string().nullable(),
  agreedAt: z.string().nullable(),
  /** agreed to the version in force; false → ask again before going on */
  agreed: z.boolean(),
});
export type TConsentState = z.infer<typeof ZConsentState>;

/** 同意的协议版本, sent with sign-in and when asked again. */
export const ZConsentVersion = z.string().trim().min(1).max(40);

export const ZDeletionRequest = z.object({
  id: z.string(),
  state: z.enum(DELETION_STATES),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TDeletionRequest = z.infer<typeof ZDeletionRequest>;

export const agreeConsent = defineContract({
  method: 'POST',
  path: '/api/me/consent',
  summary: '同意新版用户协议和隐私政策',
  tag: 'privacy',
  body: z.object({ version: ZConsentVersion }),
  response: ZConsentState,
});

const ZRows = z.array(z.record(z.string(), z.unknown()));

/** 我的数据: everything about the person, as one JSON file. */
export const ZMyData = z.object({
  exportedAt: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    relation: z.string().nullable(),
    livesAlone: z.boolean(),
    elderly: z.boolean(),
    needsCare: z.boolean(),
    sosEnabled: z.boolean(),
    createdAt: z.string(),
  }),
  household: z
    .object({ id: z.string(), label: z.string(), courtyard: z.string(), members: z.array(z.object({ name: z.string(), relation: z.string().nullable() })) })
    .nullable(),
  roles: ZRows,
  wechat: ZRows,
  joinRequests: ZRows,
  requests: ZRows,
  requestMessages: ZRows,
  sosCalls: ZRows,
  binReports: ZRows,
  listings: ZRows,
  intents: ZRows,
  jobs: ZRows,
  applications: ZRows,
  photos: ZRows,
  pointsLedger: ZRows,
  pointsBalance: z.number(),
  redemptions: ZRows,
  consents: ZRows,
  deletionRequests: ZRows,
});
export type TMyData = z.infer<typeof ZMyData>;

export const exportMyData = defineContract({
  method: 'GET',
  path: '/api/me/data',
  summary: '下载我的数据（个人资料、户、事项、报告、买卖、积分、兑换、同意记录）',
  tag: 'privacy',
  response: ZMyData,
});

export const requestDeletion = defineContract({
  method: 'POST',
  path: '/api/me/deletion-request',
  summary: '申请注销（村干部确认后匿名化）',
  tag: 'privacy',
  response: ZDeletionRequest,
});

export const ZPendingDeletion = z.object({ id: z.string(), name: z.string(), requestedAt: z.string() });
export type TPendingDeletion = z.infer<typeof ZPendingDeletion>;

export const listDeletionRequests = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/deletion-requests',
  summary: '村里待确认的注销申请（村干部）',
  tag: 'privacy',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({ items: z.array(ZPendingDeletion) }),
});

export const confirmDeletion = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/deletion-requests/{deletionId}/confirm',
  summary: '确认注销：匿名化此人，积分明细和事项保留在匿名人名下',
  tag: 'privacy',
  params: z.object({ villageId: z.uuid(), deletionId: z.uuid() }),
  response: ZDeletionRequest,
});
