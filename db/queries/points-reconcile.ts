import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { TRedemptionState } from '../../shared/domain/points';

type TRows<T> = { rows: T[] };

/** Balances that differ from the sum of the person's ledger entries. */
export async function balanceDifferences(db: Db): Promise<{ personId: string; balance: number; ledger: number }[]> {
  const r = await db.execute(sql`
    select coalesce(b.person_id, l.person_id) as person_id, coalesce(b.balance, 0)::int as balance, coalesce(l.total, 0)::int as ledger
      from points_balances b
      full join (select person_id, sum(amount) as total from points_ledger group by person_id) l on l.person_id = b.person_id
     where coalesce(b.balance, 0) <> coalesce(l.total, 0)`);
  return (r as unknown as TRows<{ person_id: string; balance: number; ledger: number }>).rows.map((x) => ({
    personId: x.person_id,
    balance: Number(x.balance),
    ledger: Number(x.ledger),
  }));
}

/** Leaderboard totals that differ from a recomputation over the ledger (the naive GROUP BY). */
export async function totalDifferences(db: Db): Promise<{ kind: string; subjectId: string; period: string; stored: number; ledger: number }[]> {
  const r = await db.execute(sql`
    with entries as (
      select 'person' as kind, person_id as subject_id, month, amount from points_ledger where counts_for_board
      union all select 'household', household_id, month, amount from points_ledger where counts_for_board and household_id is not null
      union all select 'courtyard', courtyard_id, month, amount from points_ledger where counts_for_board and courtyard_id is not null
    ), recomputed as (
      select kind, subject_id, month as period, sum(amount)::int as total from entries group by 1, 2, 3
      union all select kind, subject_id, 'all', sum(amount)::int from entries group by 1, 2
    )
    select coalesce(t.kind, x.kind) as kind, coalesce(t.subject_id, x.subject_id) as subject_id, coalesce(t.period, x.period) as period,
           coalesce(t.total, 0)::int as stored, coalesce(x.total, 0)::int as ledger
      from points_totals t
      full join recomputed x on x.kind = t.kind and x.subject_id = t.subject_id and x.period = t.period
     where coalesce(t.total, 0) <> coalesce(x.total, 0)`);
  return (r as unknown as TRows<{ kind: string; subject_id: string; period: string; stored: number; ledger: number }>).rows.map((x) => ({
    kind: x.kind,
    subjectId: x.subject_id,
    period: x.period,
    stored: Number(x.stored),
    ledger: Number(x.ledger),
  }));
}

/** Redemptions whose ledger entries disagree with their state: those in `kept` cost their points, the others net to zero. */
export async function redemptionDifferences(db: Db, kept: readonly TRedemptionState[]): Promise<{ redemptionId: string; state: string; ledger: number }[]> {
  const r = await db.execute(sql`
    select d.id as redemption_id, d.state, coalesce(sum(l.amount), 0)::int as ledger
      from redemptions d left join points_ledger l on l.source_kind = 'redemption' and l.source_id = d.id::text
     group by d.id, d.state, d.points
    having (d.state in ${kept} and coalesce(sum(l.amount), 0) <> -d.points)
        or (d.state not in ${kept} and coalesce(sum(l.amount), 0) <> 0)`);
  return (r as unknown as TRows<{ redemption_id: string; state: string; ledger: number }>).rows.map((x) => ({
    redemptionId: x.redemption_id,
    state: x.state,
    ledger: Number(x.ledger),
  }));
}
