import { binDays, householdsTakingPart, pointsDays, requestDays, type TOverviewScope } from '../../../db/queries/overview';
import { findCourtyardPlace } from '../../../db/queries/org';
import { chinaDayStart, chinaMonth } from '../../../shared/domain/points';
import { AppError } from '../../../shared/errors';
import { REQUEST_FIGURE_BUCKETS } from '../../../shared/domain/requests';
import type { TServiceContext } from '../context';
import { townshipRequestStats, villageRequestStats } from '../requests/request-stats';

const DAY_MS = 86_400_000;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The China days of the window, oldest first: the `days` days ending today. */
function windowDays(now: Date, days: number): { since: Date; list: string[] } {
  const since = new Date(chinaDayStart(now).getTime() - (days - 1) * DAY_MS);
  const list = Array.from({ length: days }, (_, i) => new Date(since.getTime() + i * DAY_MS + 8 * 3600e3).toISOString().slice(0, 10));
  return { since, list };
}

/** A township, a village, or a courtyard with its village. */
type TScope = Extract<TOverviewScope, { townshipId: string } | { villageId: string }> | { courtyardId: string; villageId: string };

/** 找院长统计 of the scope as a whole and per group (a courtyard's one group is itself). */
async function requestStatsOf(ctx: TServiceContext, scope: TScope, days: number) {
  if ('townshipId' in scope) return townshipRequestStats(ctx, scope.townshipId, days).then((s) => ({ whole: s.township, parts: s.villages }));
  const s = await villageRequestStats(ctx, scope.villageId, days);
  if (!('courtyardId' in scope)) return { whole: s.village, parts: s.courtyards };
  // every courtyard of the village has its row, requests or not
  const mine = s.courtyards.find((c) => c.id === scope.courtyardId);
  if (!mine) throw new AppError('NOT_FOUND');
  return { whole: mine, parts: [mine] };
}

/**
 * 数据概览: per China day over the window — 报满 and time to clean, 找院长 opened / closed /
 * overdue, points issued / redeemed — and per courtyard (per village for a township) the
 * resolution rate and satisfaction (the 找院长统计 figures, reused) and households taking part
 * this month.
 */
async function overview(ctx: TServiceContext, scope: TScope, days: number) {
  const now = ctx.now();
  const { since, list } = windowDays(now, days);
  const month = chinaMonth(now);
  const [bins, reqs, points, taking, stats] = [
    await binDays(ctx.db, scope, since),
    await requestDays(ctx.db, scope, since, REQUEST_FIGURE_BUCKETS.resolved),
    await pointsDays(ctx.db, scope, since),
    await householdsTakingPart(ctx.db, scope, month, new Date(`${month}-01T00:00:00+08:00`)),
    await requestStatsOf(ctx, scope, days),
  ];
  const opened = new Map(bins.opened.map((x) => [x.day, x.n]));
  const cleaned = new Map(bins.cleaned.map((x) => [x.day, x]));
  const req = (what: 'opened' | 'closed' | 'overdue', d: string) => reqs.find((x) => x.what === what && x.day === d)?.n ?? 0;
  const pts = new Map(points.map((x) => [x.day, x]));
  const daily = list.map((d) => ({
    day: d,
    binReports: opened.get(d) ?? 0,
    binsCleaned: cleaned.get(d)?.n ?? 0,
    medianMinutesToClean: round1(cleaned.get(d)?.p50 ?? null),
    p90MinutesToClean: round1(cleaned.get(d)?.p90 ?? null),
    requestsOpened: req('opened', d),
    requestsClosed: req('closed', d),
    requestsOverdue: req('overdue', d),
    pointsIssued: pts.get(d)?.issued ?? 0,
    pointsRedeemed: pts.get(d)?.redeemed ?? 0,
  }));
  const sum = (k: 'binReports' | 'binsCleaned' | 'requestsOpened' | 'requestsClosed' | 'pointsIssued' | 'pointsRedeemed') =>
    daily.reduce((a, x) => a + x[k], 0);
  const parts = new Map(stats.parts.map((p) => [p.id, p]));
  return {
    days,
    from: list[0],
    to: list[list.length - 1],
    month,
    headline: {
      binReports: sum('binReports'),
      binsCleaned: sum('binsCleaned'),
      requestsOpened: sum('requestsOpened'),
      requestsClosed: sum('requestsClosed'),
      requestsOpenNow: stats.whole.open,
      requestsOverdueNow: stats.whole.overdue,
      resolutionRate: stats.whole.resolutionRate,
      satisfaction: stats.whole.satisfaction,
      pointsIssued: sum('pointsIssued'),
      pointsRedeemed: sum('pointsRedeemed'),
      households: taking.reduce((a, x) => a + x.households, 0),
      householdsTakingPart: taking.reduce((a, x) => a + x.takingPart, 0),
    },
    daily,
    groups: taking.map((g) => {
      const p = parts.get(g.id);
      return {
        id: g.id,
        name: g.name,
        requests: p?.total ?? 0,
        resolved: p?.resolved ?? 0,
        resolutionRate: p?.resolutionRate ?? 0,
        satisfaction: p?.satisfaction ?? null,
        ratings: p?.ratings ?? 0,
        households: g.households,
        householdsTakingPart: g.takingPart,
      };
    }),
  };
}

/** 数据概览 of a village, per courtyard. */
export const villageOverview = (ctx: TServiceContext, villageId: string, days: number) => overview(ctx, { villageId }, days);

/** 数据概览 of one courtyard (院长): its own figures, one group. */
export async function courtyardOverview(ctx: TServiceContext, courtyardId: string, days: number) {
  const place = await findCourtyardPlace(ctx.db, courtyardId);
  if (!place) throw new AppError('NOT_FOUND');
  return overview(ctx, { courtyardId, villageId: place.village.id }, days);
}

/** 数据概览 of a township, per village. */
export const townshipOverview = (ctx: TServiceContext, townshipId: string, days: number) => overview(ctx, { townshipId }, days);
