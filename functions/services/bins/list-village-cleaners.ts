import { listRoleHolders } from '../../../db/queries/roles';
import type { TSignedInContext } from '../context';

/** 保洁员 of a village, for assigning bins (scope checked by the route). */
export async function listVillageCleaners(ctx: TSignedInContext, villageId: string) {
  return { items: await listRoleHolders(ctx.db, 'cleaner', { type: 'village', id: villageId }) };
}
