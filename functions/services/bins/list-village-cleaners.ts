import { listVillageCleaners as listCleaners } from '../../../db/queries/bins';
import type { TSignedInContext } from '../context';

/** 保洁员 of a village, for assigning bins (scope checked by the route). */
export async function listVillageCleaners(ctx: TSignedInContext, villageId: string) {
  return { items: await listCleaners(ctx.db, villageId) };
}
