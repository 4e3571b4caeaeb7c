import { countUnread, listInbox as listInboxRows, type TInboxRecord } from '../../../db/queries/inbox';
import type { TInboxItem } from '../../../shared/contracts/notifications';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

const toItem = (r: TInboxRecord): TInboxItem => ({
  id: r.id, template: r.template, title: r.title, body: r.body, link: r.link, priority: r.priority,
  createdAt: r.createdAt.toISOString(), read: r.readAt !== null,
});

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso);
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'query.cursor', message: '无效的分页参数' }] });
  return { createdAt, id };
}

/** 消息列表: only the caller's own messages, newest first, paged by cursor. */
export async function listInbox(ctx: TSignedInContext, q: { cursor?: string; limit: number }) {
  const rows = await listInboxRows(ctx.db, ctx.actor.personId, q.limit + 1, q.cursor ? decodeCursor(q.cursor) : undefined);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    unread: await countUnread(ctx.db, ctx.actor.personId),
    nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}
