import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  approveJoinRequest,
  listCourtyardJoinRequests,
  listMyJoinRequests,
  rejectJoinRequest,
  submitJoinRequest,
  withdrawJoinRequest,
  TJoinRequest,
  TJoinState,
  TMember,
} from '../../../shared/contracts/join'
import { request } from './request'

export type { TJoinRequest, TJoinState, TMember }
export type TJoinRequestInput = TBodyOf<typeof submitJoinRequest>

/** 提交入院申请 (信息采集). */
export function submitJoin(input: TJoinRequestInput, idempotencyKey: string): Promise<TJoinRequest> {
  return request<TResponseOf<typeof submitJoinRequest>>('/api/join-requests', {
    method: 'POST',
    body: input,
    idempotencyKey,
  })
}

export function listMine(): Promise<TResponseOf<typeof listMyJoinRequests>> {
  return request('/api/join-requests/mine')
}

export function listForCourtyard(
  courtyardId: string,
  state: TJoinState = 'pending',
): Promise<TResponseOf<typeof listCourtyardJoinRequests>> {
  return request(`/api/courtyards/${encodeURIComponent(courtyardId)}/join-requests`, { query: { state } })
}

export function approve(id: string, idempotencyKey: string): Promise<TJoinRequest> {
  return request<TResponseOf<typeof approveJoinRequest>>(`/api/join-requests/${encodeURIComponent(id)}/approve`, {
    method: 'POST',
    body: {},
    idempotencyKey,
  })
}

export function reject(id: string, reason: string, idempotencyKey: string): Promise<TJoinRequest> {
  return request<TResponseOf<typeof rejectJoinRequest>>(`/api/join-requests/${encodeURIComponent(id)}/reject`, {
    method: 'POST',
    body: { reason } satisfies TBodyOf<typeof rejectJoinRequest>,
    idempotencyKey,
  })
}

/** 申请人撤回自己待审核的申请. */
export function withdraw(id: string, idempotencyKey: string): Promise<TJoinRequest> {
  return request<TResponseOf<typeof withdrawJoinRequest>>(`/api/join-requests/${encodeURIComponent(id)}/withdraw`, {
    method: 'POST',
    body: {},
    idempotencyKey,
  })
}

/** 申请状态 → 中文. */
export const JOIN_STATE_LABEL: Record<TJoinState, string> = {
  pending: '等待院长审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已过期',
}
