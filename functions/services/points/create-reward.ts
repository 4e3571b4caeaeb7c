import { insertReward } from '../../../db/queries/rewards';
import type { TSignedInContext } from '../context';
import { toReward } from './to-reward';
import { rewardWindow, type TRewardInput } from './reward-input';

/** 上架商品 (scope checked by the route). */
export async function createReward(ctx: TSignedInContext, villageId: string, input: TRewardInput) {
  const { startsAt, endsAt } = rewardWindow(input.startsAt, input.endsAt);
  const r = await insertReward(ctx.db, {
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
  return toReward(r, ctx.now());
}
