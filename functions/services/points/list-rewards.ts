import { can } from '../../../shared/domain/permissions';
import { resolveObject } from '../access/resolve-object';
import { listRewards as listRewardRows } from '../../../db/queries/rewards';
import type { TSignedInContext } from '../context';
import { toReward } from './to-reward';

/** 积分超市: villagers see active rewards; cadres also see inactive ones to manage. */
export async function listRewards(ctx: TSignedInContext, villageId: string) {
  const village = await resolveObject(ctx.db, { kind: 'village', id: villageId });
  const manager = village !== null && can('village.staffInfo', ctx.actor, village);
  const now = ctx.now();
  return { items: (await listRewardRows(ctx.db, villageId, !manager)).map((r) => toReward(r, now)) };
}
