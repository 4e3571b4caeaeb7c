/** 找院长 at the desk: the 统计 figures and durations of a village or township, and its filtered request list. */
import { and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { requests } from '../schema';
import type { TRequestLevel, TRequestState, TTier } from '../../shared/domain/requests';
import { placeColumn, selectRequests, type TRequestRecord } from './requests';

const scopeWhere = (by: { villageId: string } | { townshipId: string }) =>
  'villageId' in by ? sql`village_id = ${by.villageId}` : sql`township_id = ${by.townshipId}`;

export type TRequestFigureRow = {
  groupId: string;
  groupName: string;
  total: number;
  open: number;
  overdue: number;
  escalated: number;
  resolved: number;
  medianHoursToAccept: number | null;
  medianHoursToResolve: number | null;
  satisfaction: number | null;
  ratings: number;
};

/**
 * 统计 over requests created since `since`, grouped by courtyard (of a village) or by village (of
 * a township); `count` says which states are open or resolved and which levels escalated.
 */
export async function requestFigures(
  db: Db,
  by: { villageId: string } | { townshipId: string },
  since: Date,
  now: Date,
  count: { open: readonly TRequestState[]; resolved: readonly TRequestState[]; escalated: readonly TRequestLevel[] },
): Promise<TRequestFigureRow[]> {
  const perCourtyard = 'villageId' in by;
  const groups = perCourtyard
    ? sql`select c.id, c.name, c.created_at from courtyards c where c.village_id = ${by.villageId}`
    : sql`select v.id, v.name, v.created_at from villages v where v.township_id = ${by.townshipId}`;
  const key = perCourtyard ? sql`r.courtyard_id` : sql`r.village_id`;
  const r = await db.execute(sql`
    with g as (${groups}),
    r as (select * from requests r where r.created_at >= ${since} and ${scopeWhere(by)})
    select g.id as group_id, g.name as group_name,
           count(r.id)::int as total,
           count(r.id) filter (where r.state in ${count.open})::int as open,
           count(r.id) filter (where r.state in ${count.open} and r.due_at <= ${now})::int as overdue,
           count(r.id) filter (where r.level in ${count.escalated})::int as escalated,
           count(r.id) filter (where r.state in ${count.resolved})::int as resolved,
           percentile_cont(0.5) within group (order by extract(epoch from r.accepted_at - r.created_at) / 3600) filter (where r.accepted_at is not null) as median_accept,
           percentile_cont(0.5) within group (order by extract(epoch from r.resolved_at - r.created_at) / 3600) filter (where r.resolved_at is not null) as median_resolve,
           avg(r.rating) filter (where r.rating is not null) as satisfaction,
           count(r.rating)::int as ratings
      from g left join r on ${key} = g.id
     group by g.id, g.name, g.created_at
     order by g.created_at, g.id`);
  return (r as unknown as { rows: Record<string, unknown>[] }).rows.map((x) => ({
    groupId: String(x.group_id),
    groupName: String(x.group_name),
    total: Number(x.total),
    open: Number(x.open),
    overdue: Number(x.overdue),
    escalated: Number(x.escalated),
    resolved: Number(x.resolved),
    medianHoursToAccept: x.median_accept === null ? null : Number(x.median_accept),
    medianHoursToResolve: x.median_resolve === null ? null : Number(x.median_resolve),
    satisfaction: x.satisfaction === null ? null : Number(x.satisfaction),
    ratings: Number(x.ratings),
  }));
}

/** For the village totals: medians need the raw rows, not per-group medians. */
export async function requestDurations(db: Db, by: { villageId: string } | { townshipId: string }, since: Date) {
  const where = scopeWhere(by);
  const r = await db.execute(sql`
    select percentile_cont(0.5) within group (order by extract(epoch from accepted_at - created_at) / 3600) filter (where accepted_at is not null) as median_accept,
           percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600) filter (where resolved_at is not null) as median_resolve,
           avg(rating) filter (where rating is not null) as satisfaction
      from requests where ${where} and created_at >= ${since}`);
  const x = (r as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { medianHoursToAccept: num(x.median_accept), medianHoursToResolve: num(x.median_resolve), satisfaction: num(x.satisfaction) };
}

/** 找院长 at the desk: which requests of one place (see listDeskRequests). */
export type TDeskFilter = {
  place: { tier: TTier; id: string };
  states: readonly TRequestState[];
  villageId?: string;
  courtyardId?: string;
  /** open and past due (true), or not (false), at `now` */
  overdue?: { is: boolean; now: Date; open: readonly TRequestState[] };
  /** submitted at or after `from`, before `before` */
  from?: Date;
  before?: Date;
  ticket?: { year: number; seq: number };
};

/**
 * Every request of a courtyard, village or township (any level) matching the filter, newest
 * first, keyset-paged over (createdAt, id); `limit` + 1 rows so the caller knows of a next page.
 */
export async function listDeskRequests(db: Db, f: TDeskFilter, after: { createdAt: Date; id: string } | null, limit: number): Promise<TRequestRecord[]> {
  const where = [eq(placeColumn[f.place.tier], f.place.id), inArray(requests.state, f.states)];
  if (f.villageId) where.push(eq(requests.villageId, f.villageId));
  if (f.courtyardId) where.push(eq(requests.courtyardId, f.courtyardId));
  if (f.overdue) {
    const late = and(inArray(requests.state, f.overdue.open), lte(requests.dueAt, f.overdue.now))!;
    where.push(f.overdue.is ? late : sql`not coalesce(${late}, false)`);
  }
  if (f.from) where.push(gte(requests.createdAt, f.from));
  if (f.before) where.push(lt(requests.createdAt, f.before));
  if (f.ticket) where.push(eq(requests.ticketYear, f.ticket.year), eq(requests.ticketSeq, f.ticket.seq));
  if (after) where.push(or(lt(requests.createdAt, after.createdAt), and(eq(requests.createdAt, after.createdAt), lt(requests.id, after.id)))!);
  return selectRequests(db)
    .where(and(...where))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(limit + 1);
}
