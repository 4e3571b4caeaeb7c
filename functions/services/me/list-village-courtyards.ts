import { listCourtyardsOfVillage } from '../../../db/queries/org';
import type { TSignedInContext } from '../context';

/** 村里的院落, for staff choosing a courtyard (scope checked by the route). */
export async function listVillageCourtyards(ctx: TSignedInContext, villageId: string) {
  return { items: await listCourtyardsOfVillage(ctx.db, villageId) };
}
