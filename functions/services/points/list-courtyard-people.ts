import { courtyardPeopleBalances } from '../../../db/queries/points-ledger';
import type { TSignedInContext } from '../context';

/** 院落村民 with balances, for a head or cadre choosing whom to award (scope checked by the route). */
export async function listCourtyardPeople(ctx: TSignedInContext, courtyardId: string) {
  return { items: await courtyardPeopleBalances(ctx.db, courtyardId) };
}
