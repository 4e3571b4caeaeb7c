import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type { createInvite as createInviteContract, TInvite, TInvitePreview } from '../../../shared/contracts/join'
import { request } from './request'

export type { TInvite, TInvitePreview }

/** 院长/村干部 生成邀请码. */
export function createInvite(courtyardId: string, idempotencyKey: string): Promise<TInvite> {
  return request<TResponseOf<typeof createInviteContract>>(
    `/api/courtyards/${encodeURIComponent(courtyardId)}/invites`,
    { method: 'POST', body: {} satisfies TBodyOf<typeof createInviteContract>, idempotencyKey },
  )
}

/** Which courtyard an invite code opens (shown before the form). */
export function getInvite(code: string): Promise<TInvitePreview> {
  return request<TInvitePreview>(`/api/invites/${encodeURIComponent(code)}`)
}
