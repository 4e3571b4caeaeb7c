import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type { listCourtyardJoinRequests, listMyJoinRequests, submitJoinRequest, TJoinRequest, TJoinState, TMember } from '../../../shared/contracts/join'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TJoinRequest, TJoinState, TMember }
export type TJoinRequestInput = TBodyOf<typeof submitJoinRequest>

/** 提交入院申请 (信息采集). */
export function submitJoin(input: TJoinRequestInput, idempotencyKey: string): Promise<TJoinRequest> {
  return call(E.submitJoinRequest, { body: input }, { idempotencyKey })
}

export function listMine(): Promise<TResponseOf<typeof listMyJoinRequests>> {
  return call(E.listMyJoinRequests)
}

export function listForCourtyard(courtyardId: string, state: TJoinState = 'pending'): Promise<TResponseOf<typeof listCourtyardJoinRequests>> {
  return call(E.listCourtyardJoinRequests, { params: { courtyardId }, query: { state } })
}

export function approve(id: string, idempotencyKey: string): Promise<TJoinRequest> {
  return call(E.approveJoinRequest, { params: { id } }, { idempotencyKey })
}

export function reject(id: string, reason: string, idempotencyKey: string): Promise<TJoinRequest> {
  return call(E.rejectJoinRequest, { params: { id }, body: { reason } }, { idempotencyKey })
}

/** 申请人撤回自己待审核的申请. */
export function withdraw(id: string, idempotencyKey: string): Promise<TJoinRequest> {
  return call(E.withdrawJoinRequest, { params: { id } }, { idempotencyKey })
}

/** 申请状态 → 中文. */
export const JOIN_STATE_LABEL: Record<TJoinState, string> = {
  pending: '等待院长审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已过期',
}
