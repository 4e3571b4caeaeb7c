import { listBinsOfVillage } from '../../../db/queries/bin-registry';
import { binReportStats, cleanedBinsByDay, findVillageDepotOf, villageMedianMinutesToClean } from '../../../db/queries/bin-stats';
import { pathLength, planRoute } from '../../../shared/domain/route';
import type { TSignedInContext } from '../context';

/**
 * 爱环境统计 for a cadre: reports per bin, median minutes from report to clean, false-report
 * rate, and an estimate of distance saved: each day's route over only the bins reported that
 * day, against the old way of driving past every active bin.
 */
export async function getBinStats(ctx: TSignedInContext, villageId: string, days: number) {
  const since = new Date(ctx.now().getTime() - days * 86400e3);
  const bins = await binReportStats(ctx.db, villageId, since);
  const reports = bins.reduce((s, b) => s + b.reports, 0);
  const falseReports = bins.reduce((s, b) => s + b.falseReports, 0);
  const cleaned = bins.reduce((s, b) => s + b.cleaned, 0);
  const active = (await listBinsOfVillage(ctx.db, villageId)).filter((b) => b.state === 'active');
  const depot = (await findVillageDepotOf(ctx.db, villageId)) ?? active[0] ?? { lat: 0, lng: 0 };
  const visitAll = active.length ? pathLength(depot, active, planRoute(depot, active, 100)) : 0;
  const byDay = new Map<string, { lat: number; lng: number }[]>();
  for (const c of await cleanedBinsByDay(ctx.db, villageId, since)) byDay.set(c.day, [...(byDay.get(c.day) ?? []), c]);
  let routed = 0;
  for (const stops of byDay.values()) routed += pathLength(depot, stops, planRoute(depot, stops, 20));
  const visitAllMeters = Math.round(visitAll * byDay.size);
  return {
    days,
    village: {
      reports,
      cleaned,
      falseReports,
      falseRate: reports ? Math.round((falseReports / reports) * 1000) / 1000 : 0,
      medianMinutesToClean: await villageMedianMinutesToClean(ctx.db, villageId, since),
    },
    bins: bins.map((b) => ({
      id: b.id,
      label: b.label,
      reports: b.reports,
      cleaned: b.cleaned,
      falseReports: b.falseReports,
      medianMinutesToClean: b.medianMinutes,
    })),
    distance: {
      days: byDay.size,
      visitAllMeters,
      routedMeters: Math.round(routed),
      savedPercent: visitAllMeters ? Math.round((1 - routed / visitAllMeters) * 1000) / 10 : 0,
    },
  };
}
