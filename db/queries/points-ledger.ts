import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { pointsBalances, pointsLedger, pointsTotals } from '../schema';
import type { TBoardKind } from '../../shared/domain/points';

export type TLedgerInsert = {
  personId: string;
  householdId: string | null;
  courtyardId: string | null;
  villageId: string;
  townshipId: string;
  amount: number;
  reasonCode: string;
  sourceKind: string;
  sourceId: string;
  postedBy: string | null;
  note: string | null;
  countsForBoard: boolean;
  month: string;
  idempotencyKey: string;
  createdAt: Date;
};

/** Appends an entry; null when its idempotency key was posted before (nothing written). */
export async function insertLedgerEntry(db: Db, e: TLedgerInsert): Promise<string | null> {
  const [r] = await db.insert(pointsLedger).values(e).onConflictDoNothing({ target: pointsLedger.idempotencyKey }).returning({ id: pointsLedger.id });
  return r?.id ?? null;
}

/**
 * Changes a balance by `amount` with a conditional update: never below zero (CHECK too).
 * Returns the new balance, or null when the balance would go negative.
 */
export async function changeBalance(db: Db, personId: string, amount: number, at: Date): Promise<number | null> {
  if (amount > 0) {
    const [r] = await db
      .insert(pointsBalances)
      .values({ personId, balance: amount, updatedAt: at })
      .onConflictDoUpdate({ target: pointsBalances.personId, set: { balance: sql`${pointsBalances.balance} + ${amount}`, updatedAt: at } })
      .returning({ balance: pointsBalances.balance });
    return r.balance;
  }
  const [r] = await db
    .update(pointsBalances)
    .set({ balance: sql`${pointsBalances.balance} + ${amount}`, updatedAt: at })
    .where(and(eq(pointsBalances.personId, personId), gte(pointsBalances.balance, -amount)))
    .returning({ balance: pointsBalances.balance });
  return r ? r.balance : null;
}

export async function getBalance(db: Db, personId: string): Promise<number> {
  const [r] = await db.select({ balance: pointsBalances.balance }).from(pointsBalances).where(eq(pointsBalances.personId, personId));
  return r?.balance ?? 0;
}

/** Locks the person's balance row (serialises one person's redemptions). */
export async function lockBalance(db: Db, personId: string): Promise<number> {
  const [r] = await db.select({ balance: pointsBalances.balance }).from(pointsBalances).where(eq(pointsBalances.personId, personId)).for('update');
  return r?.balance ?? 0;
}

/** Adds to leaderboard totals; rows go in a fixed order so concurrent posts cannot deadlock. */
export async function bumpTotals(
  db: Db,
  rows: { kind: TBoardKind; subjectId: string; period: string; villageId: string; townshipId: string; total: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => `${a.kind}|${a.subjectId}|${a.period}`.localeCompare(`${b.kind}|${b.subjectId}|${b.period}`));
  await db
    .insert(pointsTotals)
    .values(sorted)
    .onConflictDoUpdate({
      target: [pointsTotals.kind, pointsTotals.subjectId, pointsTotals.period],
      set: { total: sql`${pointsTotals.total} + excluded.total` },
    });
}

/** Points already posted today for one reason (daily caps). */
export async function sumSince(db: Db, personId: string, reasonCode: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(sum(${pointsLedger.amount}), 0)::int` })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.personId, personId), eq(pointsLedger.reasonCode, reasonCode), gte(pointsLedger.createdAt, since)));
  return Number(r.n);
}

export type TLedgerRow = {
  id: string;
  personId: string;
  amount: number;
  reasonCode: string;
  sourceKind: string;
  sourceId: string;
  note: string | null;
  postedBy: string | null;
  createdAt: Date;
};

const rowCols = {
  id: pointsLedger.id,
  personId: pointsLedger.personId,
  amount: pointsLedger.amount,
  reasonCode: pointsLedger.reasonCode,
  sourceKind: pointsLedger.sourceKind,
  sourceId: pointsLedger.sourceId,
  note: pointsLedger.note,
  postedBy: pointsLedger.postedBy,
  createdAt: pointsLedger.createdAt,
};

/** 积分明细 of a person or a household, newest first, paged by (createdAt, id). */
export async function listLedger(
  db: Db,
  of: { personId: string } | { householdId: string },
  limit: number,
  before?: { createdAt: Date; id: string },
): Promise<TLedgerRow[]> {
  return db
    .select(rowCols)
    .from(pointsLedger)
    .where(
      and(
        'personId' in of ? eq(pointsLedger.personId, of.personId) : eq(pointsLedger.householdId, of.householdId),
        before
          ? or(lt(pointsLedger.createdAt, before.createdAt), and(eq(pointsLedger.createdAt, before.createdAt), lt(pointsLedger.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(pointsLedger.createdAt), desc(pointsLedger.id))
    .limit(limit);
}

/** Members of a household with their balances (0 for those who never had points). */
export async function householdMemberBalances(db: Db, householdId: string): Promise<{ id: string; name: string; balance: number }[]> {
  const r = await db.execute(sql`
    select p.id, p.name, coalesce(b.balance, 0)::int as balance
      from people p left join points_balances b on b.person_id = p.id
     where p.household_id = ${householdId}
     order by p.created_at, p.id`);
  return (r as unknown as { rows: { id: string; name: string; balance: number }[] }).rows.map((x) => ({ ...x, balance: Number(x.balance) }));
}

/** Everyone living in a courtyard's households, with balances, by household then name. */
export async function courtyardPeopleBalances(db: Db, courtyardId: string) {
  const r = await db.execute(sql`
    select p.id, p.name, h.id as household_id, h.label, coalesce(b.balance, 0)::int as balance
      from households h join people p on p.household_id = h.id left join points_balances b on b.person_id = p.id
     where h.courtyard_id = ${courtyardId}
     order by regexp_replace(h.label, '[0-9]+', '', 'g'), nullif(substring(h.label from '[0-9]+'), '')::int nulls first, h.label, p.created_at, p.id`); // 2号 before 10号
  return (r as unknown as { rows: { id: string; name: string; household_id: string; label: string; balance: number }[] }).rows.map((x) => ({
    id: x.id,
    name: x.name,
    household: { id: x.household_id, label: x.label },
    balance: Number(x.balance),
  }));
}
