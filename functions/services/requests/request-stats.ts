import { requestDurations, requestFigures, type TRequestFigureRow } from '../../../db/queries/request-desk';
import { REQUEST_FIGURE_BUCKETS } from '../../../shared/domain/requests';
import type { TServiceContext } from '../context';

const round = (n: number | null, d = 1) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);

function figures(rows: TRequestFigureRow[]) {
  const sum = (k: 'total' | 'open' | 'overdue' | 'escalated' | 'resolved' | 'ratings') => rows.reduce((a, r) => a + r[k], 0);
  const total = sum('total');
  const resolved = sum('resolved');
  return {
    total,
    open: sum('open'),
    overdue: sum('overdue'),
    escalated: sum('escalated'),
    resolved,
    resolutionRate: total ? round(resolved / total, 3)! : 0,
    ratings: sum('ratings'),
  };
}

function one(r: TRequestFigureRow) {
  return {
    id: r.groupId,
    name: r.groupName,
    ...figures([r]),
    medianHoursToAccept: round(r.medianHoursToAccept),
    medianHoursToResolve: round(r.medianHoursToResolve),
    satisfaction: round(r.satisfaction, 2),
  };
}

async function stats(ctx: TServiceContext, by: { villageId: string } | { townshipId: string }, days: number) {
  const now = ctx.now();
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await requestFigures(ctx.db, by, since, now, REQUEST_FIGURE_BUCKETS);
  const d = await requestDurations(ctx.db, by, since);
  const whole = {
    ...figures(rows),
    medianHoursToAccept: round(d.medianHoursToAccept),
    medianHoursToResolve: round(d.medianHoursToResolve),
    satisfaction: round(d.satisfaction, 2),
  };
  return { whole, parts: rows.map(one) };
}

/** 找院长统计 of a village, per courtyard, over requests made in the last `days` days. */
export async function villageRequestStats(ctx: TServiceContext, villageId: string, days: number) {
  const s = await stats(ctx, { villageId }, days);
  return { days, village: s.whole, courtyards: s.parts };
}

/** The same, per village of a township. */
export async function townshipRequestStats(ctx: TServiceContext, townshipId: string, days: number) {
  const s = await stats(ctx, { townshipId }, days);
  return { days, township: s.whole, villages: s.parts };
}
