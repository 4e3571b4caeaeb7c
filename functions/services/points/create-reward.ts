import { insertReward } from '../../../db/queries/rewards';
import type { TSignedInContext } from '../context';
import { auditReward } from './reward-audit';
import { toReward } from './to-reward';
import { rewardWindow, type TRewardInput } from './reward-input';

/** 上架商品 (scope checked by the route), with its 操作日志 line. */
export async function createReward(ctx: TSignedInContext, villageId: string, input: TRewardInput) {
  const { startsAt, endsAt } = rewardWindow(input.startsAt, input.endsAt);
  return ctx.db.transaction(async (tx) => {
    const r = await insertReward(tx, {
      villageId,
      name: input.name,
      pictureUrl: input.pictureUrl ?? null,
      price: input.price,
      stock: input.stock,
      perPersonLimit: input.perPersonLimit ?? null,
      startsAt,
      endsAt,
      active: input.active ?? true,
      createdBy: ctx.actor.personId,
    });
    await auditReward(tx, ctx.actor.personId, ctx.now(), null, r);
    return toReward(r, ctx.now());
  });
}
