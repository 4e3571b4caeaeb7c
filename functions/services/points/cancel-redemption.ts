import { findRedemption } from '../../../db/queries/rewards';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { closeRedemption } from './close-redemption';
import { toRedemption } from './to-reward';

/** 取消兑换 before hand-over, by the villager who redeemed or a cadre of the village (the route decides who). */
export async function cancelRedemption(ctx: TSignedInContext, id: string) {
  const r = await ctx.db.transaction(async (tx) => {
    if (!(await findRedemption(tx, id))) throw new AppError('NOT_FOUND');
    return closeRedemption(ctx, tx, id, 'cancelled', ctx.actor.personId);
  });
  return toRedemption(r);
}
