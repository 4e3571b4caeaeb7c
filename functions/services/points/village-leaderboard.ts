import type { TSignedInContext } from '../context';
import { buildBoard } from './build-board';
import type { TBoardKind } from '../../../shared/domain/points';

/** 村内积分榜 (any member of the village; scope checked by the route). */
export function villageLeaderboard(
  ctx: TSignedInContext,
  villageId: string,
  q: { board: TBoardKind; period: string; limit: number; by: 'total' | 'perHousehold' },
) {
  return buildBoard(ctx.db, { scope: { villageId }, ...q, personId: ctx.actor.personId, roles: ctx.actor.grants.map((g) => g.role) });
}
