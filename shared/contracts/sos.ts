import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed } from './common';
import { SOS_STATES } from '../domain/requests';

export const ZSosState = z.enum(SOS_STATES);

export const ZSosCall = z.object({
  id: z.string(),
  /** 工单号, e.g. S260007 (shared/domain/ticket-number.ts) */
  ticket: z.string(),
  state: ZSosState,
  caller: ZNamed,
  phone: z.string().nullable(),
  address: z.string(),
  /** 0: 院长和联户党员, 1: 村干部, 2: 镇街 */
  step: z.number().int(),
  stepLabel: z.string(),
  /** who is coming (after someone acknowledged) */
  responder: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }).nullable(),
  /** for the caller while nobody has answered: the people told so far, to ring (why: 院长, 联户党员, 村干部…) */
  contacts: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string(), why: z.string() })),
  createdAt: z.string(),
  ackAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  events: z.array(z.object({ kind: z.string(), label: z.string(), actor: z.string().nullable(), note: z.string().nullable(), at: z.string() })),
  mine: z.boolean(),
});
export type TSosCall = z.infer<typeof ZSosCall>;

export const raiseSos = defineContract({
  method: 'POST',
  path: '/api/sos',
  summary: '一键呼叫：通知院长和联户党员（已有未结束的呼叫时返回它，200）',
  tag: 'sos',
  status: 201,
  response: ZSosCall.extend({ created: z.boolean() }),
});

export const mySos = defineContract({
  method: 'GET',
  path: '/api/sos/mine',
  summary: '我的一键呼叫：是否开启、当前呼叫与谁在赶来',
  tag: 'sos',
  response: z.object({ available: z.boolean(), enabledByMe: z.boolean(), call: ZSosCall.nullable() }),
});

export const setMySos = defineContract({
  method: 'PUT',
  path: '/api/me/sos',
  summary: '开启或关闭一键呼叫按钮（老人、独居、需照顾者始终开启）',
  tag: 'sos',
  body: z.object({ enabled: z.boolean() }),
  response: z.object({ available: z.boolean(), enabledByMe: z.boolean() }),
});

export const activeSos = defineContract({
  method: 'GET',
  path: '/api/sos/active',
  summary: '需要我响应的呼叫（被通知到的人，及范围内的院长、村干部、镇街）；q 按工单号查找（如 S260007，不分状态）',
  tag: 'sos',
  query: z.object({
    /** 工单号 to find, full or without the letter; exact match among the calls the caller answers */
    q: z.string().trim().max(40, '工单号太长').optional(),
  }),
  response: z.object({ items: z.array(ZSosCall) }),
});

const ZId = z.object({ id: z.uuid() });

export const getSos = defineContract({
  method: 'GET',
  path: '/api/sos/{id}',
  summary: '呼叫详情与全过程',
  tag: 'sos',
  params: ZId,
  response: ZSosCall,
});

export const ackSos = defineContract({
  method: 'POST',
  path: '/api/sos/{id}/ack',
  summary: '响应呼叫：我去（呼叫人看到是谁、电话）',
  tag: 'sos',
  params: ZId,
  response: ZSosCall,
});

export const cancelSos = defineContract({
  method: 'POST',
  path: '/api/sos/{id}/cancel',
  summary: '呼叫人取消（误触或已无需帮助）',
  tag: 'sos',
  params: ZId,
  body: z.object({ reason: z.enum(['mistap', 'no_longer_needed']).default('mistap') }),
  response: ZSosCall,
});

export const resolveSos = defineContract({
  method: 'POST',
  path: '/api/sos/{id}/resolve',
  summary: '响应人到场处理完毕',
  tag: 'sos',
  params: ZId,
  body: z.object({ note: z.string().trim().max(200).optional() }),
  response: ZSosCall,
});

export const setPartyLink = defineContract({
  method: 'PUT',
  path: '/api/households/{householdId}/party-member',
  summary: '设置联户党员（院长、村干部）',
  tag: 'sos',
  params: z.object({ householdId: z.uuid() }),
  body: z.object({ personId: z.uuid().nullable() }),
  response: z.object({ householdId: z.string(), partyMember: ZNamed.nullable() }),
});
