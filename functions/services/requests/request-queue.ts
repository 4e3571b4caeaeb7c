import { listQueue } from '../../../db/queries/requests';
import { queueSlices, REQUEST_QUEUE_FILTERS, type TRequestQueueFilter } from '../../../shared/domain/requests';
import type { TSignedInContext } from '../context';
import { toRequestItem } from './to-request';

/**
 * 待办: the requests the caller's tier owns — heads: 私事/小事 of their courtyards; cadres: 大事
 * of their villages; township staff: 难事 of their township. Overdue first, then by due time.
 */
export async function requestQueue(ctx: TSignedInContext, q: { state: TRequestQueueFilter; limit: number }) {
  const now = ctx.now();
  const items = (await listQueue(ctx.db, queueSlices(ctx.actor.grants), REQUEST_QUEUE_FILTERS[q.state], q.limit)).map((r) => toRequestItem(r, now));
  return { items: [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)] };
}
