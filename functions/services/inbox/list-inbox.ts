import { countUnread, listInbox as listInboxRows, type TInboxRecord } from '../../../db/queries/inbox';
import type { TInboxItem } from '../../../shared/contracts/notifications';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';

const toItem = (r: TInboxRecord): TInboxItem => ({
  id: r.id,
  template: r.template,
  title: r.title,
  body: r.body,
  link: r.link,
  priority: r.priority,
  createdAt: r.createdAt.toISOString(),
  read: r.readAt !== null,
});

/** 消息列表: only the caller's own messages, newest first, paged by cursor. */
export async function listInbox(ctx: TSignedInContext, q: { cursor?: string; limit: number }) {
  const rows = await listInboxRows(ctx.db, ctx.actor.personId, q.limit + 1, q.cursor ? decodeCursor(q.cursor) : undefined);
  const { items, nextCursor } = page(rows, q.limit);
  return { items: items.map(toItem), unread: await countUnread(ctx.db, ctx.actor.personId), nextCursor };
}
