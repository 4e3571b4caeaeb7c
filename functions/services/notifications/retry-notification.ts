import { findNotification, requeueFailedNotification } from '../../../db/queries/notifications';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toNotificationSummary } from './to-summary';

/** 重发: a failed notification goes back to the queue; the adapter kicks the dispatcher. */
export async function retryNotification(ctx: TSignedInContext, id: string) {
  if (!(await requeueFailedNotification(ctx.db, id, ctx.now()))) {
    if (!(await findNotification(ctx.db, id))) throw new AppError('NOT_FOUND');
    throw new AppError('NOTIFICATION_NOT_FAILED');
  }
  ctx.effects = { ...ctx.effects, notified: true };
  return toNotificationSummary((await findNotification(ctx.db, id))!);
}
