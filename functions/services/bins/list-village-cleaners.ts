import { listRoleHolders } from '../../../db/queries/roles';
import { phoneForViewer } from '../../../shared/domain/phone-privacy';
import type { TSignedInContext } from '../context';

/**
 * 保洁员 of a village, for assigning bins (scope checked by the route). Picking a cleaner needs
 * no call: the numbers are masked (138****1234), enough to tell two namesakes apart.
 */
export async function listVillageCleaners(ctx: TSignedInContext, villageId: string) {
  const items = await listRoleHolders(ctx.db, 'cleaner', { type: 'village', id: villageId });
  return { items: items.map((c) => ({ ...c, phone: phoneForViewer(c.phone, c.id === ctx.actor.personId && 'self') })) };
}
