import { planRoute, type TPoint } from '../../../shared/domain/route';

/**
 * 清运路线 remembered per set of stops: a cleaner's app asks for the route again on every visit
 * and refresh while the open bins stay the same, and a long route costs up to the planner's
 * budget (150 ms of this instance's event loop). The same stops from (nearly) the same start
 * — within ~100 m, which GPS jitter and walking to the van stay inside — get the order already
 * found. Each function instance keeps its own few hundred entries; a new report or a clean
 * changes the stops and so the key.
 */
const MAX = 300;
const cache = new Map<string, string[]>();

export function cachedRouteOrder<T extends TPoint & { id: string }>(start: TPoint, stops: T[], budgetMs = 150): T[] {
  const key = `${start.lat.toFixed(3)},${start.lng.toFixed(3)}|${stops.map((s) => `${s.id}@${s.lat},${s.lng}`).join(';')}`;
  const byId = new Map(stops.map((s) => [s.id, s]));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit.map((id) => byId.get(id)!);
  }
  const order = planRoute(start, stops, budgetMs).map((i) => stops[i]);
  cache.set(
    key,
    order.map((s) => s.id),
  );
  if (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return order;
}
