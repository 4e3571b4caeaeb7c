import type { Db } from '../../db/client';
import { reconcilePoints } from '../../functions/services/points/reconcile-points';
import { postPointsEntry } from '../../functions/services/points/post-points-entry';
import { randomUUID } from 'node:crypto';

/** Gives a person points as a rule award would (counts on boards). */
export async function grantPoints(db: Db, personId: string, amount: number, at = new Date()): Promise<void> {
  await db.transaction((tx) =>
    postPointsEntry(tx, {
      personId,
      amount,
      reasonCode: 'rule:volunteer',
      source: { kind: 'test', id: randomUUID() },
      postedBy: null,
      note: null,
      countsForBoard: true,
      idempotencyKey: `test:${randomUUID()}`,
      at,
    }),
  );
}

/** After any points test: the ledger, balances and boards agree. */
export async function expectReconciled(db: Db): Promise<void> {
  const r = await reconcilePoints(db);
  expect({ balances: r.balances, totals: r.totals, redemptions: r.redemptions }).toEqual({ balances: [], totals: [], redemptions: [] });
}
