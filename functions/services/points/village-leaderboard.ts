import type { TSignedInContext } from '../context';
import { buildBoard } from './build-board';

/** 村内积分榜 (any member of the village; scope checked by the route). */
export function villageLeaderboard(
  ctx: TSignedInContext,
  villageId: string,
  q: { board: 'person' | 'household' | 'courtyard'; period: string; limit: number; by: 'total' | 'perHousehold' },
) {
  return buildBoard(ctx.db, { scope: { villageId }, ...q, personId: ctx.actor.personId });
}
