import { randomBytes } from 'node:crypto';
import { lockBalance } from '../../../db/queries/points-ledger';
import { findRedemptionExpiryDays } from '../../../db/queries/points-rules';
import { countRedemptions, findRedemption, findReward, insertRedemption, takeStock } from '../../../db/queries/rewards';
import { REDEMPTION_KEPT_STATES, rewardOpen } from '../../../shared/domain/points';
import { makeSceneCode } from '../../../shared/domain/scene-code';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { postPointsEntry } from './post-points-entry';
import { redemptionExpiryKey, redemptionReminderKey } from './redemption-timers';
import { toRedemption } from './to-reward';

/**
 * 兑换: in one transaction — lock the person's balance (one person's redemptions queue up,
 * so per-person limits hold), take the points (never below zero), take one from stock last
 * (the hot row, held briefly; never oversold), and issue a pickup code. Expiry is a timer.
 */
export async function redeemReward(ctx: TSignedInContext, rewardId: string) {
  const personId = ctx.actor.personId;
  const redemption = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const reward = await findReward(tx, rewardId);
    if (!reward) throw new AppError('NOT_FOUND');
    if (!rewardOpen(reward, now)) throw new AppError('REWARD_CLOSED');
    const balance = await lockBalance(tx, personId);
    if (balance < reward.price) throw new AppError('INSUFFICIENT_POINTS', { message: `积分不足：需要${reward.price}分，当前${balance}分` });
    if (reward.perPersonLimit !== null && (await countRedemptions(tx, rewardId, personId, REDEMPTION_KEPT_STATES)) >= reward.perPersonLimit) {
      throw new AppError('REDEEM_LIMIT_REACHED');
    }
    const days = await findRedemptionExpiryDays(tx, reward.villageId);
    const expiresAt = new Date(now.getTime() + days * 86400e3);
    let id: string | null = null;
    for (let i = 0; !id && i < 5; i++) {
      id = await insertRedemption(tx, {
        rewardId,
        personId,
        villageId: reward.villageId,
        points: reward.price,
        pickupCode: makeSceneCode(8, (n) => randomBytes(n)),
        expiresAt,
        createdAt: now,
      });
    }
    if (!id) throw new Error('could not draw a free pickup code');
    await postPointsEntry(tx, {
      personId,
      amount: -reward.price,
      reasonCode: 'redeem',
      source: { kind: 'redemption', id },
      postedBy: personId,
      note: reward.name,
      countsForBoard: false,
      idempotencyKey: `redemption:${id}:take`,
      at: now,
    });
    if (!(await takeStock(tx, rewardId))) throw new AppError('OUT_OF_STOCK');
    await scheduleJob(tx, { name: 'redemption_expire', key: redemptionExpiryKey(id), runAt: expiresAt, payload: { redemptionId: id } }, now);
    if (days > 1) {
      await scheduleJob(
        tx,
        { name: 'redemption_remind', key: redemptionReminderKey(id), runAt: new Date(expiresAt.getTime() - 86400e3), payload: { redemptionId: id } },
        now,
      );
    }
    const r = (await findRedemption(tx, id))!;
    await notify(ctx, tx, [
      {
        recipientId: personId,
        template: 'redemption_ready',
        payload: { rewardName: r.rewardName, pickupCode: r.pickupCode },
        dedupeKey: `redemption:${id}:ready`,
      },
    ]);
    return r;
  });
  return toRedemption(redemption);
}
