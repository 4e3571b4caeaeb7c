import { listRedemptionsOfPerson } from '../../../db/queries/rewards';
import type { TSignedInContext } from '../context';
import { toRedemption } from './to-reward';

/** 我的兑换 with pickup codes. */
export async function listMyRedemptions(ctx: TSignedInContext) {
  return { items: (await listRedemptionsOfPerson(ctx.db, ctx.actor.personId)).map(toRedemption) };
}
