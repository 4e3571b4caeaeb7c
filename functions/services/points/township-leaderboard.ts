import type { TSignedInContext } from '../context';
import { buildBoard } from './build-board';

/** 镇街院落榜: courtyards across the township's villages (township staff). */
export function townshipLeaderboard(ctx: TSignedInContext, townshipId: string, q: { period: string; limit: number; by: 'total' | 'perHousehold' }) {
  return buildBoard(ctx.db, { scope: { townshipId }, board: 'courtyard', ...q, personId: ctx.actor.personId, roles: ctx.actor.grants.map((g) => g.role) });
}
