import { countUnread } from '../../../db/queries/inbox';
import type { TSignedInContext } from '../context';

/** 角标: the caller's unread count. */
export async function getUnreadCount(ctx: TSignedInContext): Promise<{ unread: number }> {
  return { unread: await countUnread(ctx.db, ctx.actor.personId) };
}
