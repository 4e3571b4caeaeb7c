import type { Db } from '../../../db/client';
import type { TLedgerRow } from '../../../db/queries/points-ledger';
import { listPeopleNames } from '../../../db/queries/people';
import type { TLedgerItem } from '../../../shared/contracts/points';
import { reasonLabel } from '../../../shared/domain/points-events';

/** Ledger rows → 积分明细 items, with who each entry belongs to. */
export async function toLedgerItems(db: Db, rows: TLedgerRow[]): Promise<TLedgerItem[]> {
  const names = await listPeopleNames(db, [...new Set(rows.map((r) => r.personId))]);
  return rows.map((r) => ({
    id: r.id,
    amount: r.amount,
    reason: reasonLabel(r.reasonCode),
    reasonCode: r.reasonCode,
    source: { kind: r.sourceKind, id: r.sourceId },
    note: r.note,
    person: { id: r.personId, name: names.get(r.personId) ?? '' },
    createdAt: r.createdAt.toISOString(),
  }));
}
