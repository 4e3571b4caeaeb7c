import { listRewards as listRewardRows } from '../../../db/queries/rewards';
import { villageScopePath } from '../../../db/queries/scope';
import { canAct } from '../../../shared/domain/access';
import type { TSignedInContext } from '../context';
import { toReward } from './to-reward';

/** 积分超市: villagers see active rewards; cadres also see inactive ones to manage. */
export async function listRewards(ctx: TSignedInContext, villageId: string) {
  const path = await villageScopePath(ctx.db, villageId);
  const manager = path !== null && canAct(ctx.actor.grants, ['village_cadre', 'township_staff'], path);
  const now = ctx.now();
  return { items: (await listRewardRows(ctx.db, villageId, !manager)).map((r) => toReward(r, now)) };
}
