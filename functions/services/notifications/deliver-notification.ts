import { insertInboxMessage } from '../../../db/queries/inbox';
import { failNotification, markNotificationDone, rescheduleNotification, scheduleStep, type TClaimedNotification } from '../../../db/queries/notifications';
import { backoffMs } from '../../../shared/domain/backoff';
import { isTemplate, renderInbox } from '../../../shared/domain/notification-templates';
import type { TWorkContext } from '../context';
import { nextStep, runChannelStep } from './run-channel-step';

export type TDeliveryResult = 'delivered' | 'retry' | 'failed';

/**
 * Delivers one claimed notification: the inbox always (once: unique per notification), then
 * the first step of its channel policy (subscribe messages, 公众号, SMS — each at most once);
 * later steps (an SMS if nobody acknowledged) are left due on the row for `dispatchSteps`.
 */
export async function deliverNotification(ctx: TWorkContext, n: TClaimedNotification): Promise<TDeliveryResult> {
  const { db } = ctx;
  ctx.fault?.('after-claim');
  if (!isTemplate(n.template)) {
    await failNotification(db, n.id, `unknown template ${n.template}`);
    return 'failed';
  }
  const notice = { ...n, template: n.template };
  const msg = renderInbox(n.template, n.payload);
  await insertInboxMessage(db, { notificationId: n.id, personId: n.recipientId, template: n.template, ...msg, priority: n.priority, createdAt: n.createdAt });
  ctx.fault?.('after-inbox');

  const result = await runChannelStep(ctx, { ...notice, step: 0 });
  if (result.kind === 'retry') {
    if (n.attempts >= n.maxAttempts) {
      await failNotification(db, n.id, `gave up after ${n.attempts} attempts: ${result.why}`);
      return 'failed';
    }
    await rescheduleNotification(db, n.id, new Date(ctx.now().getTime() + backoffMs(n.attempts, { random: ctx.random })), result.why);
    return 'retry';
  }
  if (result.kind === 'failed') {
    await failNotification(db, n.id, result.why);
    return 'failed';
  }
  ctx.fault?.('before-done');
  const next = nextStep(ctx.env, notice, 0);
  await scheduleStep(db, n.id, next?.step ?? 1, next?.dueAt ?? null);
  await markNotificationDone(db, n.id, ctx.now());
  return 'delivered';
}
