import { findVillageDepotOf } from '../../../db/queries/bin-stats';
import { listOpenReportsOfCleaner } from '../../../db/queries/bins';
import { distanceM } from '../../../shared/domain/route';
import type { TSignedInContext } from '../context';
import { acknowledgeTemplate } from '../../../db/queries/notifications';
import { cachedRouteOrder } from './route-cache';

/** Without the device's position: the depot of the village the person cleans for (their first cleaner grant), else the first bin. */
async function startWithoutDevice(ctx: TSignedInContext, open: { lat: number; lng: number }[]) {
  const village = ctx.actor.grants.find((g) => g.role === 'cleaner' && g.scopeType === 'village')?.scopeId;
  const depot = village ? await findVillageDepotOf(ctx.db, village) : null;
  if (depot) return { ...depot, from: 'depot' as const };
  if (open[0]) return { lat: open[0].lat, lng: open[0].lng, from: 'first-bin' as const };
  return { lat: 0, lng: 0, from: 'depot' as const };
}

/** 清运任务: the cleaner's open bins in route order from where they are (device, else the village depot). */
export async function listCleanerTasks(ctx: TSignedInContext, at: { lat?: number; lng?: number }) {
  const open = await listOpenReportsOfCleaner(ctx.db, ctx.actor.personId);
  // the cleaner has the tasks in front of them: their task notifications need no SMS
  await acknowledgeTemplate(ctx.db, ctx.actor.personId, 'bin_task', ctx.now());
  const start = at.lat !== undefined && at.lng !== undefined ? { lat: at.lat, lng: at.lng, from: 'device' as const } : await startWithoutDevice(ctx, open);
  const ordered = cachedRouteOrder(
    start,
    open.map((o) => ({ ...o, id: o.reportId })),
  );
  let prev = { lat: start.lat, lng: start.lng };
  let total = 0;
  const stops = ordered.map((o, n) => {
    const leg = distanceM(prev, o);
    total += leg;
    prev = o;
    return {
      order: n + 1,
      reportId: o.reportId,
      bin: { id: o.binId, label: o.label, lat: o.lat, lng: o.lng, courtyard: o.courtyard },
      kind: o.kind,
      reporters: o.reporters,
      openedAt: o.openedAt.toISOString(),
      legMeters: Math.round(leg),
    };
  });
  return { start, stops, totalMeters: Math.round(total) };
}
