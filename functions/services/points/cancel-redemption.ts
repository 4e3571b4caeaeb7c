import { findRedemption } from '../../../db/queries/rewards';
import { redemptionScopePath } from '../../../db/queries/scope';
import { canAct } from '../../../shared/domain/access';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { closeRedemption } from './close-redemption';
import { toRedemption } from './to-reward';

/** 取消兑换 before hand-over, by the villager who redeemed or a cadre of the village. */
export async function cancelRedemption(ctx: TSignedInContext, id: string) {
  const r = await ctx.db.transaction(async (tx) => {
    const current = await findRedemption(tx, id);
    const path = current ? await redemptionScopePath(tx, id) : null;
    const mine = current?.personId === ctx.actor.personId;
    if (!current || !path || (!mine && !canAct(ctx.actor.grants, ['village_cadre'], path))) throw new AppError('NOT_FOUND');
    return closeRedemption(ctx, tx, id, 'cancelled', ctx.actor.personId);
  });
  return toRedemption(r);
}
