import type { Db } from '../../../db/client';
import { bumpTotals, changeBalance, insertLedgerEntry } from '../../../db/queries/points-ledger';
import { findPersonPlace } from '../../../db/queries/org';
import { boardKeys, chinaMonth } from '../../../shared/domain/points';
import { AppError } from '../../../shared/errors';

export type TPointsEntry = {
  personId: string;
  amount: number;
  reasonCode: string;
  source: { kind: string; id: string };
  postedBy: string | null;
  note: string | null;
  /** earned or lost merit counts on leaderboards; spending and refunds do not */
  countsForBoard: boolean;
  /** posting the same key twice posts once */
  idempotencyKey: string;
  at: Date;
};

/**
 * The one writer of points, inside the caller's transaction: appends the ledger entry,
 * changes the balance with a conditional update (INSUFFICIENT_POINTS below zero) and moves
 * the leaderboard totals. A repeated idempotency key changes nothing and returns posted=false.
 */
export async function postPointsEntry(tx: Db, e: TPointsEntry): Promise<{ posted: boolean; balance: number | null }> {
  if (!Number.isInteger(e.amount) || e.amount === 0) throw new Error(`points amount must be a non-zero integer, got ${e.amount}`);
  const place = await findPersonPlace(tx, e.personId);
  if (!place) throw new AppError('NOT_IN_VILLAGE');
  const month = chinaMonth(e.at);
  const id = await insertLedgerEntry(tx, {
    personId: e.personId,
    householdId: place.householdId,
    courtyardId: place.courtyardId,
    villageId: place.villageId,
    townshipId: place.townshipId,
    amount: e.amount,
    reasonCode: e.reasonCode,
    sourceKind: e.source.kind,
    sourceId: e.source.id,
    postedBy: e.postedBy,
    note: e.note,
    countsForBoard: e.countsForBoard,
    month,
    idempotencyKey: e.idempotencyKey,
    createdAt: e.at,
  });
  if (!id) return { posted: false, balance: null };
  const balance = await changeBalance(tx, e.personId, e.amount, e.at);
  if (balance === null) throw new AppError('INSUFFICIENT_POINTS');
  if (e.countsForBoard) {
    await bumpTotals(
      tx,
      boardKeys({ personId: e.personId, householdId: place.householdId, courtyardId: place.courtyardId, month }).map((k) => ({
        ...k,
        villageId: place.villageId,
        townshipId: place.townshipId,
        total: e.amount,
      })),
    );
  }
  return { posted: true, balance };
}
