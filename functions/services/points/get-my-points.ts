import { getBalance, listLedger } from '../../../db/queries/points-ledger';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';
import { toLedgerItems } from './to-ledger-items';

/** 我的积分: balance and statement, each entry with its reason and what caused it. */
export async function getMyPoints(ctx: TSignedInContext, q: { cursor?: string; limit: number }) {
  const rows = await listLedger(ctx.db, { personId: ctx.actor.personId }, q.limit + 1, q.cursor ? decodeCursor(q.cursor) : undefined);
  const { items, nextCursor } = page(rows, q.limit);
  return { balance: await getBalance(ctx.db, ctx.actor.personId), items: await toLedgerItems(ctx.db, items), nextCursor };
}
