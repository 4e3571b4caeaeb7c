import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { TRequestState } from '../../shared/domain/requests';

/** A courtyard, a village, or every village of a township. */
export type TOverviewScope = { courtyardId: string } | { villageId: string } | { townshipId: string };

type TRows = { rows: Record<string, unknown>[] };
const rows = (r: unknown) => (r as TRows).rows;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
/** The China-time day ('YYYY-MM-DD') of a timestamp column. */
const day = (col: SQL) => sql`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * Rows of the scope, in a table with `village_id`; `ofCourtyard` says which rows are a
 * courtyard's (its village is named too, so the tables' village indexes serve it).
 */
function inScope(s: TOverviewScope, ofCourtyard: (courtyardId: string) => SQL): SQL {
  if ('courtyardId' in s) return sql`village_id = (select cv.village_id from courtyards cv where cv.id = ${s.courtyardId}) and ${ofCourtyard(s.courtyardId)}`;
  return 'villageId' in s ? sql`village_id = ${s.villageId}` : sql`village_id in (select id from villages where township_id = ${s.townshipId})`;
}
/** A bin report is its bin's courtyard's. */
const binCourtyard = (id: string) => sql`bin_id in (select b.id from bins b where b.courtyard_id = ${id})`;
const column = (name: string) => (id: string) => sql`${sql.raw(name)} = ${id}`;

/** 报满 per China day of opening, and the reports cleaned per day of cleaning with the median and 90th percentile minutes from report to clean. */
export async function binDays(db: Db, s: TOverviewScope, since: Date) {
  const opened = await db.execute(sql`
    select ${day(sql`opened_at`)} as day, count(*)::int as n
      from bin_reports where ${inScope(s, binCourtyard)} and opened_at >= ${since.toISOString()}::timestamptz group by 1`);
  const cleaned = await db.execute(sql`
    select ${day(sql`closed_at`)} as day, count(*)::int as n,
           percentile_cont(0.5) within group (order by extract(epoch from (closed_at - opened_at)) / 60) as p50,
           percentile_cont(0.9) within group (order by extract(epoch from (closed_at - opened_at)) / 60) as p90
      from bin_reports where ${inScope(s, binCourtyard)} and state = 'cleaned' and closed_at >= ${since.toISOString()}::timestamptz group by 1`);
  return {
    opened: rows(opened).map((x) => ({ day: String(x.day), n: Number(x.n) })),
    cleaned: rows(cleaned).map((x) => ({ day: String(x.day), n: Number(x.n), p50: num(x.p50), p90: num(x.p90) })),
  };
}

/**
 * 找院长 per China day: opened (created), closed (办结: the `resolved` states, by the time they
 * were resolved) and overdue (flagged by a timer when a deadline passed unmoved).
 */
export async function requestDays(db: Db, s: TOverviewScope, since: Date, resolved: readonly TRequestState[]) {
  const where =
    'courtyardId' in s ? sql`courtyard_id = ${s.courtyardId}` : 'villageId' in s ? sql`village_id = ${s.villageId}` : sql`township_id = ${s.townshipId}`;
  const at = since.toISOString();
  const r = await db.execute(sql`
    select 'opened' as what, ${day(sql`created_at`)} as day, count(*)::int as n from requests where ${where} and created_at >= ${at}::timestamptz group by 2
    union all
    select 'closed', ${day(sql`resolved_at`)}, count(*)::int from requests where ${where} and state in ${resolved} and resolved_at >= ${at}::timestamptz group by 2
    union all
    select 'overdue', ${day(sql`overdue_at`)}, count(*)::int from requests where ${where} and overdue_at >= ${at}::timestamptz group by 2`);
  return rows(r).map((x) => ({ what: String(x.what) as 'opened' | 'closed' | 'overdue', day: String(x.day), n: Number(x.n) }));
}

/**
 * 积分 per China day: issued (every credit but a redemption's refund) and redeemed (spent on
 * redemptions, net of refunds — as 对账 counts a redemption's entries).
 */
export async function pointsDays(db: Db, s: TOverviewScope, since: Date) {
  const r = await db.execute(sql`
    select ${day(sql`created_at`)} as day,
           coalesce(sum(amount) filter (where amount > 0 and source_kind <> 'redemption'), 0)::int as issued,
           coalesce(-sum(amount) filter (where source_kind = 'redemption'), 0)::int as redeemed
      from points_ledger where ${inScope(s, column('courtyard_id'))} and created_at >= ${since.toISOString()}::timestamptz group by 1`);
  return rows(r).map((x) => ({ day: String(x.day), issued: Number(x.issued), redeemed: Number(x.redeemed) }));
}

/**
 * 参与: per courtyard of a village (or per village of a township; a courtyard is its own one
 * group), its households and how many took part in `month` — a member earned points that count
 * on the boards.
 */
export async function householdsTakingPart(db: Db, s: TOverviewScope, month: string, monthStart: Date) {
  const perCourtyard = !('townshipId' in s);
  const groups =
    'courtyardId' in s
      ? sql`select c.id, c.name, c.created_at from courtyards c where c.id = ${s.courtyardId}`
      : 'villageId' in s
        ? sql`select c.id, c.name, c.created_at from courtyards c where c.village_id = ${s.villageId}`
        : sql`select v.id, v.name, v.created_at from villages v where v.township_id = ${s.townshipId}`;
  const key = perCourtyard ? sql`c.id` : sql`c.village_id`;
  const ledgerKey = perCourtyard ? sql`courtyard_id` : sql`village_id`;
  const r = await db.execute(sql`
    with g as (${groups}),
    h as (select ${key} as gid, count(h.id)::int as n from households h join courtyards c on c.id = h.courtyard_id where ${inScope(s, column('c.id'))} group by 1),
    p as (select ${ledgerKey} as gid, count(distinct household_id)::int as n from points_ledger
           where ${inScope(s, column('courtyard_id'))} and created_at >= ${monthStart.toISOString()}::timestamptz and month = ${month} and counts_for_board and amount > 0 and household_id is not null group by 1)
    select g.id, g.name, coalesce(h.n, 0)::int as households, coalesce(p.n, 0)::int as taking_part
      from g left join h on h.gid = g.id left join p on p.gid = g.id
     order by g.created_at, g.id`);
  return rows(r).map((x) => ({ id: String(x.id), name: String(x.name), households: Number(x.households), takingPart: Number(x.taking_part) }));
}
