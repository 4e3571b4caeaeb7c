import { acknowledgeInboxMessages, markAllInboxRead } from '../../../db/queries/inbox';
import type { TSignedInContext } from '../context';

/** 全部已读 */
export async function markAllRead(ctx: TSignedInContext): Promise<{ unread: number }> {
  await markAllInboxRead(ctx.db, ctx.actor.personId, ctx.now());
  await acknowledgeInboxMessages(ctx.db, ctx.actor.personId, ctx.now());
  return { unread: 0 };
}
