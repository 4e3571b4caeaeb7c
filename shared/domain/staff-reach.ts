import { toE164 } from './sms';

/**
 * 公众号关注状态 of a member of staff: following (template messages reach them), not following
 * (they unfollowed, or followed with another WeChat account), stale (WeChat answered 43004 /
 * 40003 to our last send), or unlinked (no follower carries the unionid of their mini-program
 * sign-in — they never followed, or never signed in with WeChat).
 */
export const OA_STATES = ['following', 'not_following', 'stale', 'unlinked'] as const;
export type TOaState = (typeof OA_STATES)[number];

/**
 * 能否收到通知, worst first (the order cadres read them in): only the in-app inbox, SMS alone,
 * one-time credits that run out, a push that needs nothing more from them.
 */
export const REACH_STATUSES = ['inbox_only', 'sms', 'credits', 'push'] as const;
export type TReachStatus = (typeof REACH_STATUSES)[number];

/**
 * 公众号关注状态 from what the follower record says: a stale link counts as stale even while the
 * record still says following, because sends to it fail.
 */
export function oaStateOf(f: { following: boolean | null; staleReason: string | null }): TOaState {
  if (f.following === null) return 'unlinked';
  if (f.staleReason) return 'stale';
  return f.following ? 'following' : 'not_following';
}

/** 手机号 an SMS can go to: the 11 digits of a mainland mobile number, else null — the SMS channel's own rule (toE164). */
export function mobileOf(phone: string | null): string | null {
  return toE164(phone)?.slice(3) ?? null;
}

/** 138****5678: enough for a cadre to recognise the number on file, not to copy it (the one rule in phone-privacy). */
export { maskPhone } from './phone-privacy';

/** Unreachable people first, then by name (Chinese collation) and id, so the order is stable. */
export function byReach<T extends { reach: TReachStatus; name: string; personId: string }>(a: T, b: T): number {
  return (
    REACH_STATUSES.indexOf(a.reach) - REACH_STATUSES.indexOf(b.reach) ||
    a.name.localeCompare(b.name, 'zh-Hans-CN') ||
    (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)
  );
}
