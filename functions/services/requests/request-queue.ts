import { listQueue } from '../../../db/queries/requests';
import { queueSlices, REQUEST_QUEUE_FILTERS, type TRequestQueueFilter } from '../../../shared/domain/requests';
import { parseTicket } from '../../../shared/domain/ticket-number';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toRequestItem } from './to-request';

/**
 * 待办: the requests the caller's tier owns — heads: 私事/小事 of their courtyards; cadres: 大事
 * of their villages; township staff: 难事 of their township. Overdue first, then by due time.
 * With `q`, the one request of that 工单号 among them, whatever its state (a number that is no
 * 找院长 number is TICKET_INVALID; one nobody here handles finds nothing).
 */
export async function requestQueue(ctx: TSignedInContext, q: { state: TRequestQueueFilter; limit: number; q?: string }) {
  const now = ctx.now();
  let ticket: { year: number; seq: number } | null = null;
  if (q.q) {
    const t = parseTicket(q.q);
    if (!t || t.kind === 'sos') throw new AppError('TICKET_INVALID');
    ticket = { year: t.year, seq: t.seq };
  }
  const rows = await listQueue(ctx.db, queueSlices(ctx.actor.grants), REQUEST_QUEUE_FILTERS[q.state], q.limit, ticket);
  const items = rows.map((r) => toRequestItem(r, now));
  return { items: [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)] };
}
