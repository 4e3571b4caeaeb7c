import { findHousehold } from '../../../db/queries/org';
import { householdMemberBalances, listLedger } from '../../../db/queries/points-ledger';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';
import { toLedgerItems } from './to-ledger-items';

/**
 * 户积分: for the household's own members, and for the courtyard head, cadres and township
 * staff over it (decided by the route: `household.points`); a neighbour gets 404.
 */
export async function getHouseholdPoints(ctx: TSignedInContext, householdId: string, q: { cursor?: string; limit: number }) {
  const household = await findHousehold(ctx.db, householdId);
  if (!household) throw new AppError('NOT_FOUND');
  const members = await householdMemberBalances(ctx.db, householdId);
  const rows = await listLedger(ctx.db, { householdId }, q.limit + 1, q.cursor ? decodeCursor(q.cursor) : undefined);
  const { items, nextCursor } = page(rows, q.limit);
  return {
    household: { id: household.id, label: household.label },
    balance: members.reduce((s, m) => s + m.balance, 0),
    members,
    items: await toLedgerItems(ctx.db, items),
    nextCursor,
  };
}
