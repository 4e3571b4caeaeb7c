import type { TInvite, TInvitePreview } from '../../../shared/contracts/join'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TInvite, TInvitePreview }

/** 院长/村干部 生成邀请码. */
export function createInvite(courtyardId: string, idempotencyKey: string): Promise<TInvite> {
  return call(E.createInvite, { params: { courtyardId } }, { idempotencyKey })
}

/** Which courtyard an invite code opens (shown before the form). */
export function getInvite(code: string): Promise<TInvitePreview> {
  return call(E.getInvite, { params: { code } })
}
