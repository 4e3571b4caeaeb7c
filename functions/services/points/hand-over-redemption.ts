import { findRedemptionByCode } from '../../../db/queries/rewards';
import { normalizeSceneCode } from '../../../shared/domain/scene-code';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { closeRedemption } from './close-redemption';
import { toRedemption } from './to-reward';

/** 凭取货码发放: the shopkeeper scans or types the code; a used or ended code is refused. */
export async function handOverRedemption(ctx: TSignedInContext, villageId: string, pickupCode: string) {
  const r = await ctx.db.transaction(async (tx) => {
    const found = await findRedemptionByCode(tx, villageId, normalizeSceneCode(pickupCode));
    if (!found) throw new AppError('PICKUP_CODE_NOT_FOUND');
    return closeRedemption(ctx, tx, found.id, 'handed_over', ctx.actor.personId);
  });
  return toRedemption(r);
}
