import { listVillagesOfTownship } from '../../../db/queries/org';
import type { TSignedInContext } from '../context';

/** 镇街下的村, for township staff choosing a village (scope checked by the route). */
export async function listTownshipVillages(ctx: TSignedInContext, townshipId: string) {
  return { items: await listVillagesOfTownship(ctx.db, townshipId) };
}
