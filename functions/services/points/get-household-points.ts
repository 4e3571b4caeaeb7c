import { findHousehold } from '../../../db/queries/org';
import { findPerson } from '../../../db/queries/people';
import { householdMemberBalances, listLedger } from '../../../db/queries/points-ledger';
import { householdScopePath } from '../../../db/queries/scope';
import { canAct } from '../../../shared/domain/access';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';
import { toLedgerItems } from './to-ledger-items';

/**
 * 户积分: for the household's own members, and for the courtyard head, cadres and township
 * staff over it; a neighbour gets 404 (the household's points are not theirs to read).
 */
export async function getHouseholdPoints(ctx: TSignedInContext, householdId: string, q: { cursor?: string; limit: number }) {
  const household = await findHousehold(ctx.db, householdId);
  const path = household ? await householdScopePath(ctx.db, householdId) : null;
  if (!household || !path) throw new AppError('NOT_FOUND');
  const me = await findPerson(ctx.db, ctx.actor.personId);
  const member = me?.householdId === householdId;
  if (!member && !canAct(ctx.actor.grants, ['courtyard_head', 'village_cadre', 'township_staff'], path)) throw new AppError('NOT_FOUND');
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
