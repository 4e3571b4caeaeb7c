import { listRedemptionsOfVillage } from '../../../db/queries/rewards';
import type { TRedemptionState } from '../../../shared/domain/points';
import type { TSignedInContext } from '../context';
import { toRedemption } from './to-reward';

/** 村里的兑换, for the shopkeeper and cadres (scope checked by the route). */
export async function listVillageRedemptions(ctx: TSignedInContext, villageId: string, state?: TRedemptionState) {
  return { items: (await listRedemptionsOfVillage(ctx.db, villageId, state)).map(toRedemption) };
}
