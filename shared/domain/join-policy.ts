/** 入院申请: pending until the head decides, the newcomer withdraws, or it goes stale. */
export const JOIN_STATES = ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
export type TJoinState = (typeof JOIN_STATES)[number];

/** 入院申请 older than this while still pending counts as stale (过期) and may be replaced. */
export const JOIN_REQUEST_STALE_DAYS = 30;

export function isJoinRequestStale(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > JOIN_REQUEST_STALE_DAYS * 24 * 3600 * 1000;
}

/** The state a request is in when read at `now`: a stale pending request reads as expired. */
export function effectiveJoinState(state: TJoinState, createdAt: Date, now: Date): TJoinState {
  return state === 'pending' && isJoinRequestStale(createdAt, now) ? 'expired' : state;
}

/** 邀请码 usable at `now`? */
export function inviteUsable(invite: { expiresAt: Date; revokedAt: Date | null }, now: Date): 'ok' | 'expired' | 'revoked' {
  if (invite.revokedAt) return 'revoked';
  return invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'ok';
}
