import { saveRedemptionExpiryDays } from '../../../db/queries/points-rules';
import type { TSignedInContext } from '../context';

/** 积分超市设置: days before an unclaimed redemption expires (applies to new redemptions). */
export async function updatePointsSettings(ctx: TSignedInContext, villageId: string, redemptionExpiryDays: number) {
  await saveRedemptionExpiryDays(ctx.db, villageId, redemptionExpiryDays);
  return { redemptionExpiryDays };
}
