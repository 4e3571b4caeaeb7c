import { findPerson } from '../../../db/queries/people';
import { listLedger } from '../../../db/queries/points-ledger';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { postPointsEntry } from './post-points-entry';
import { toLedgerItems } from './to-ledger-items';

/**
 * 人工加分/扣分 by a courtyard head or cadre (scope checked by the route), reason required
 * and shown to the villager. A deduction larger than the balance fails with INSUFFICIENT_POINTS.
 * Retries are made safe by Idempotency-Key at the adapter.
 */
export async function adjustPoints(ctx: TSignedInContext, personId: string, amount: number, reason: string) {
  return ctx.db.transaction(async (tx) => {
    if (!(await findPerson(tx, personId))) throw new AppError('NOT_FOUND');
    const at = ctx.now();
    const entryKey = `manual:${ctx.requestId}:${personId}`;
    const r = await postPointsEntry(tx, {
      personId,
      amount,
      reasonCode: amount > 0 ? 'manual_award' : 'manual_deduct',
      source: { kind: 'manual', id: ctx.requestId },
      postedBy: ctx.actor.personId,
      note: reason,
      countsForBoard: true,
      idempotencyKey: entryKey,
      at,
    });
    const [row] = await listLedger(tx, { personId }, 1);
    return { balance: r.balance ?? 0, entry: (await toLedgerItems(tx, [row]))[0] };
  });
}
