import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed, ZPersonFlags, ZPersonName, ZPhone } from './common';
import { INVITE_CODE_LENGTH, isInviteCode, parseInviteInput } from '../domain/invite-code';
import { JOIN_STATES } from '../domain/join-policy';

/** 邀请码 as typed or scanned, normalised, then checked. */
export const ZInviteCode = z
  .string()
  .transform((s) => parseInviteInput(s))
  .pipe(z.string().length(INVITE_CODE_LENGTH, { message: '邀请码为10位', abort: true }).refine(isInviteCode, '邀请码含有无效字符'));

export const ZJoinState = z.enum(JOIN_STATES);
export type TJoinState = z.infer<typeof ZJoinState>;

export const ZMember = z.object({
  name: ZPersonName,
  relation: z.string().trim().min(1, '请填写关系').max(10),
});
export type TMember = z.infer<typeof ZMember>;

export const ZJoinRequest = z.object({
  id: z.string(),
  state: ZJoinState,
  courtyard: ZNamed,
  name: z.string(),
  phone: z.string(),
  householdLabel: z.string(),
  members: z.array(z.object({ name: z.string(), relation: z.string() })),
  flags: ZPersonFlags,
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TJoinRequest = z.infer<typeof ZJoinRequest>;

export const ZInvite = z.object({ code: z.string(), courtyardId: z.string(), expiresAt: z.string() });
export type TInvite = z.infer<typeof ZInvite>;

const courtyardParams = z.object({ courtyardId: z.uuid() });
const requestParams = z.object({ id: z.uuid() });

export const createInvite = defineContract({
  method: 'POST',
  path: '/api/courtyards/{courtyardId}/invites',
  summary: '院长或村干部生成院落邀请码',
  tag: 'join',
  status: 201,
  params: courtyardParams,
  body: z.object({ days: z.number().int().min(1).max(90).optional() }),
  response: ZInvite,
});

export const ZInvitePreview = z.object({
  code: z.string(),
  courtyard: ZNamed,
  village: ZNamed,
  expiresAt: z.string(),
});
export type TInvitePreview = z.infer<typeof ZInvitePreview>;

export const getInvite = defineContract({
  method: 'GET',
  path: '/api/invites/{code}',
  summary: '查看邀请码对应的院落',
  tag: 'join',
  // any text: the use case answers a mistyped code with INVITE_INVALID, not the adapter's NOT_FOUND
  params: z.object({ code: z.string().max(200) }),
  response: ZInvitePreview,
});

export const submitJoinRequest = defineContract({
  method: 'POST',
  path: '/api/join-requests',
  summary: '提交入院申请（信息采集）',
  tag: 'join',
  status: 201,
  body: z.object({
    inviteCode: ZInviteCode,
    name: ZPersonName,
    phone: ZPhone,
    householdLabel: z.string().trim().min(1, '请填写门牌或户名').max(40),
    members: z.array(ZMember).max(15).default([]),
    flags: ZPersonFlags.default({ livesAlone: false, elderly: false, needsCare: false }),
  }),
  response: ZJoinRequest,
});

export const listMyJoinRequests = defineContract({
  method: 'GET',
  path: '/api/join-requests/mine',
  summary: '我的入院申请',
  tag: 'join',
  response: z.object({ items: z.array(ZJoinRequest) }),
});

export const listCourtyardJoinRequests = defineContract({
  method: 'GET',
  path: '/api/courtyards/{courtyardId}/join-requests',
  summary: '院落的入院申请（院长/村干部）',
  tag: 'join',
  params: courtyardParams,
  query: z.object({ state: ZJoinState.optional() }),
  response: z.object({ items: z.array(ZJoinRequest) }),
});

export const approveJoinRequest = defineContract({
  method: 'POST',
  path: '/api/join-requests/{id}/approve',
  summary: '同意入院申请',
  tag: 'join',
  params: requestParams,
  response: ZJoinRequest,
});

export const rejectJoinRequest = defineContract({
  method: 'POST',
  path: '/api/join-requests/{id}/reject',
  summary: '拒绝入院申请（需填写原因）',
  tag: 'join',
  params: requestParams,
  body: z.object({ reason: z.string().trim().min(1, '请填写拒绝原因').max(200) }),
  response: ZJoinRequest,
});

export const withdrawJoinRequest = defineContract({
  method: 'POST',
  path: '/api/join-requests/{id}/withdraw',
  summary: '撤回自己的入院申请',
  tag: 'join',
  params: requestParams,
  response: ZJoinRequest,
});
