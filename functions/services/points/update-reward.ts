import { findReward, updateReward as updateRewardRow } from '../../../db/queries/rewards';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { auditReward } from './reward-audit';
import { rewardWindow, type TRewardInput } from './reward-input';
import { toReward } from './to-reward';

/** 修改商品: stock is set as a number of items left (redemptions already taken stay taken); the changed fields go to 操作日志. */
export async function updateReward(ctx: TSignedInContext, id: string, input: Partial<TRewardInput>) {
  return ctx.db.transaction(async (tx) => {
    const current = await findReward(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    const { startsAt, endsAt } = rewardWindow(
      input.startsAt !== undefined ? input.startsAt : current.startsAt?.toISOString(),
      input.endsAt !== undefined ? input.endsAt : current.endsAt?.toISOString(),
    );
    const r = await updateRewardRow(tx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.pictureUrl !== undefined && { pictureUrl: input.pictureUrl }),
      ...(input.price !== undefined && { price: input.price }),
      ...(input.stock !== undefined && { stock: input.stock }),
      ...(input.perPersonLimit !== undefined && { perPersonLimit: input.perPersonLimit }),
      ...(input.active !== undefined && { active: input.active }),
      startsAt,
      endsAt,
    });
    await auditReward(tx, ctx.actor.personId, ctx.now(), current, r!);
    return toReward(r!, ctx.now());
  });
}
