/**
 * 积分 rules, pure. Times are read in China Standard Time (UTC+8, no daylight saving): a
 * villager's "today" and "this month" are Beijing's.
 */
const CST_MS = 8 * 3600e3;

/** 'YYYY-MM' of the instant in China time: the monthly leaderboard period. */
export function chinaMonth(d: Date): string {
  const t = new Date(d.getTime() + CST_MS);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The instant China's current day began (00:00 CST). */
export function chinaDayStart(d: Date): Date {
  const t = d.getTime() + CST_MS;
  return new Date(t - (t % 86400e3) - CST_MS);
}

/**
 * 每日上限: how many of `points` may still be awarded today when `earnedToday` were already
 * awarded for the same event kind. Awards up to the cap, never past it; no cap → all.
 */
export function pointsWithinCap(points: number, earnedToday: number, dailyCap: number | null): number {
  if (points <= 0 || dailyCap === null) return points;
  return Math.max(0, Math.min(points, dailyCap - earnedToday));
}

/** 挂榜 boards: by person, by household, by courtyard. */
export const BOARD_KINDS = ['person', 'household', 'courtyard'] as const;
export type TBoardKind = (typeof BOARD_KINDS)[number];

/** 兑换: reserved at redeem; handed over, cancelled or expired ends it. */
export const REDEMPTION_STATES = ['reserved', 'handed_over', 'cancelled', 'expired'] as const;
export type TRedemptionState = (typeof REDEMPTION_STATES)[number];
/** Redemptions that keep their points (and count towards a per-person limit): not refunded. */
export const REDEMPTION_KEPT_STATES = ['reserved', 'handed_over'] as const satisfies readonly TRedemptionState[];

/** Leaderboard periods: all time, or one month. */
export const PERIOD_RE = /^(all|\d{4}-(0[1-9]|1[0-2]))$/;

/** The board rows a ledger entry moves: person, household, courtyard × all-time and its month. */
export function boardKeys(e: { personId: string; householdId: string | null; courtyardId: string | null; month: string }) {
  const subjects: { kind: TBoardKind; subjectId: string }[] = [{ kind: 'person', subjectId: e.personId }];
  if (e.householdId) subjects.push({ kind: 'household', subjectId: e.householdId });
  if (e.courtyardId) subjects.push({ kind: 'courtyard', subjectId: e.courtyardId });
  return subjects.flatMap((s) => [
    { ...s, period: 'all' },
    { ...s, period: e.month },
  ]);
}

/** 兑换 window and stock rules: can this reward be redeemed at `now`? */
export function rewardOpen(r: { active: boolean; startsAt: Date | null; endsAt: Date | null }, now: Date): boolean {
  if (!r.active) return false;
  if (r.startsAt && now < r.startsAt) return false;
  if (r.endsAt && now >= r.endsAt) return false;
  return true;
}

/** 取货码 as people read it aloud, in groups of four: "ABCD 2345". The one way it is written. */
export function formatPickupCode(code: string): string {
  return code.length > 4 ? code.replace(/(.{4})(?=.)/g, '$1 ') : code;
}
