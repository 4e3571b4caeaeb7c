import { listMyRequests } from '../../../db/queries/requests';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';
import { toRequestItem } from './to-request';

/** 我的事项, newest first. */
export async function listMyRequestsOf(ctx: TSignedInContext, q: { cursor?: string; limit: number }) {
  const rows = await listMyRequests(ctx.db, ctx.actor.personId, q.cursor ? decodeCursor(q.cursor) : null, q.limit);
  const { items, nextCursor } = page(rows, q.limit);
  return { items: items.map((r) => toRequestItem(r, ctx.now())), nextCursor };
}
