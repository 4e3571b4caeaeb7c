import { acknowledgeInboxMessages, countUnread, markInboxRead } from '../../../db/queries/inbox';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** 已读: someone else's message reads as not found. */
export async function markRead(ctx: TSignedInContext, id: string): Promise<{ unread: number }> {
  if (!(await markInboxRead(ctx.db, ctx.actor.personId, id, ctx.now()))) throw new AppError('NOT_FOUND');
  await acknowledgeInboxMessages(ctx.db, ctx.actor.personId, ctx.now(), id);
  return { unread: await countUnread(ctx.db, ctx.actor.personId) };
}
