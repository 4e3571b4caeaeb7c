import type { Db } from '../../../db/client';
import { closeRedemption as closeRow, findRedemption, returnStock, type TRedemptionRecord } from '../../../db/queries/rewards';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { restateNotification } from '../notifications/restate-notification';
import { postPointsEntry } from './post-points-entry';
import { redemptionExpiryKey, redemptionReminderKey } from './redemption-timers';
import type { TRedemptionState } from '../../../shared/domain/points';

/**
 * Ends a reserved redemption inside `tx`. The state moves from reserved exactly once, so a
 * cancel racing an expiry or a hand-over returns points and stock at most once.
 */
export async function closeRedemption(
  ctx: TServiceContext,
  tx: Db,
  id: string,
  to: Exclude<TRedemptionState, 'reserved'>,
  by: string | null,
): Promise<TRedemptionRecord> {
  const now = ctx.now();
  const r = await findRedemption(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  if (!(await closeRow(tx, id, to, by, now))) throw new AppError('REDEMPTION_NOT_OPEN');
  await cancelJob(tx, redemptionExpiryKey(id), now);
  await cancelJob(tx, redemptionReminderKey(id), now);
  // 「可以领取了」 / 「即将过期」 already in the inbox now say what became of the pickup
  await restateNotification(tx, `redemption:${id}:ready`, { state: to });
  await restateNotification(tx, `redemption:${id}:expiring`, { state: to });
  if (to !== 'handed_over') {
    await postPointsEntry(tx, {
      personId: r.personId,
      amount: r.points,
      reasonCode: 'redeem_refund',
      source: { kind: 'redemption', id },
      postedBy: by,
      note: r.rewardName,
      countsForBoard: false,
      idempotencyKey: `redemption:${id}:refund`,
      at: now,
    });
    await returnStock(tx, r.rewardId);
    await notify(ctx, tx, [
      {
        recipientId: r.personId,
        template: 'redemption_closed',
        payload: { rewardName: r.rewardName, points: r.points, state: to },
        dedupeKey: `redemption:${id}:closed`,
      },
    ]);
  }
  return (await findRedemption(tx, id))!;
}
