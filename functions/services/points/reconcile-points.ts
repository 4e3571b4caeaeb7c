import type { Db } from '../../../db/client';
import { balanceDifferences, redemptionDifferences, totalDifferences } from '../../../db/queries/points-reconcile';
import { REDEMPTION_KEPT_STATES } from '../../../shared/domain/points';

export type TReconcileReport = {
  balances: Awaited<ReturnType<typeof balanceDifferences>>;
  totals: Awaited<ReturnType<typeof totalDifferences>>;
  redemptions: Awaited<ReturnType<typeof redemptionDifferences>>;
  ok: boolean;
};

/**
 * 对账: recomputes balances and every leaderboard total from the ledger, and checks each
 * redemption's ledger entries against its state. Reports differences; changes nothing.
 */
export async function reconcilePoints(db: Db): Promise<TReconcileReport> {
  const balances = await balanceDifferences(db);
  const totals = await totalDifferences(db);
  const redemptions = await redemptionDifferences(db, REDEMPTION_KEPT_STATES);
  return { balances, totals, redemptions, ok: balances.length + totals.length + redemptions.length === 0 };
}
