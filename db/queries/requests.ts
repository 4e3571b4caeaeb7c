import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, people, requestEvents, requestMessages, requests, requestSettings } from '../schema';
import type { TQueueSlice, TRequestCategory, TRequestLevel, TRequestSla, TRequestState } from '../../shared/domain/requests';

export type TRequestRecord = {
  id: string;
  requesterId: string;
  requesterName: string;
  requesterPhone: string | null;
  householdId: string | null;
  courtyardId: string;
  courtyardName: string;
  villageId: string;
  townshipId: string;
  /** 工单号: year and the township's sequence number in it */
  ticketYear: number;
  ticketSeq: number;
  category: TRequestCategory;
  text: string;
  place: string | null;
  photoIds: string[];
  state: TRequestState;
  level: TRequestLevel;
  handlerId: string | null;
  handlerName: string | null;
  handlerPhone: string | null;
  slaSeq: number;
  dueAt: Date | null;
  overdueAt: Date | null;
  createdAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
};

const requester = aliasedTable(people, 'requester');
const handler = aliasedTable(people, 'handler');
const cols = {
  id: requests.id,
  requesterId: requests.requesterId,
  requesterName: requester.name,
  requesterPhone: requester.phone,
  householdId: requests.householdId,
  courtyardId: requests.courtyardId,
  courtyardName: courtyards.name,
  villageId: requests.villageId,
  townshipId: requests.townshipId,
  // required in the database (the migration sets NOT NULL after filling old rows)
  ticketYear: sql<number>`${requests.ticketYear}`,
  ticketSeq: sql<number>`${requests.ticketSeq}`,
  category: requests.category,
  text: requests.text,
  place: requests.place,
  photoIds: requests.photoIds,
  state: requests.state,
  level: requests.level,
  handlerId: requests.handlerId,
  handlerName: handler.name,
  handlerPhone: handler.phone,
  slaSeq: requests.slaSeq,
  dueAt: requests.dueAt,
  overdueAt: requests.overdueAt,
  createdAt: requests.createdAt,
  acceptedAt: requests.acceptedAt,
  resolvedAt: requests.resolvedAt,
  closedAt: requests.closedAt,
  rating: requests.rating,
  ratingComment: requests.ratingComment,
};

export function selectRequests(db: Db) {
  return db
    .select(cols)
    .from(requests)
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .innerJoin(courtyards, eq(courtyards.id, requests.courtyardId))
    .leftJoin(handler, eq(handler.id, requests.handlerId));
}
export async function findRequest(db: Db, id: string): Promise<TRequestRecord | null> {
  return (await selectRequests(db).where(eq(requests.id, id)))[0] ?? null;
}

/** Locks the request row for a state change, then reads it whole. */
export async function lockRequest(db: Db, id: string): Promise<TRequestRecord | null> {
  const locked = await db.select({ id: requests.id }).from(requests).where(eq(requests.id, id)).for('update');
  return locked.length ? findRequest(db, id) : null;
}

/** The columns a new request is written with (the rest — handler, stage times, slaSeq — start empty). */
type TNewRequest = Pick<
  TRequestRecord,
  | 'requesterId'
  | 'householdId'
  | 'courtyardId'
  | 'villageId'
  | 'townshipId'
  | 'ticketYear'
  | 'ticketSeq'
  | 'category'
  | 'text'
  | 'place'
  | 'photoIds'
  | 'state'
  | 'level'
  | 'dueAt'
  | 'createdAt'
>;

export async function insertRequest(db: Db, v: TNewRequest): Promise<string> {
  const [r] = await db
    .insert(requests)
    .values({ ...v, updatedAt: v.createdAt })
    .returning({ id: requests.id });
  return r.id;
}

/** Moves a request: bumps slaSeq (so timers of the previous stage do nothing) and returns the new value. */
export async function updateRequest(
  db: Db,
  id: string,
  v: Partial<{
    state: TRequestState;
    level: TRequestLevel;
    handlerId: string | null;
    dueAt: Date | null;
    overdueAt: Date | null;
    acceptedAt: Date;
    resolvedAt: Date | null;
    closedAt: Date;
    rating: number;
    ratingComment: string | null;
  }>,
  now: Date,
): Promise<number> {
  const [r] = await db
    .update(requests)
    .set({ ...v, slaSeq: sql`${requests.slaSeq} + 1`, updatedAt: now })
    .where(eq(requests.id, id))
    .returning({ slaSeq: requests.slaSeq });
  return r.slaSeq;
}

/** Flags a missed deadline without moving the request (no slaSeq change). */
export async function flagRequestOverdue(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(requests)
    .set({ overdueAt: at })
    .where(and(eq(requests.id, id), isNull(requests.overdueAt)));
}

export async function insertRequestEvent(
  db: Db,
  e: {
    requestId: string;
    actorId: string | null;
    kind: string;
    fromState?: TRequestState | null;
    toState?: TRequestState | null;
    fromLevel?: TRequestLevel | null;
    toLevel?: TRequestLevel | null;
    note?: string | null;
    at: Date;
  },
): Promise<void> {
  await db.insert(requestEvents).values(e);
}

export async function listRequestEvents(db: Db, requestId: string) {
  return db
    .select({
      id: requestEvents.id,
      kind: requestEvents.kind,
      actorId: requestEvents.actorId,
      actorName: people.name,
      fromState: requestEvents.fromState,
      toState: requestEvents.toState,
      fromLevel: requestEvents.fromLevel,
      toLevel: requestEvents.toLevel,
      note: requestEvents.note,
      at: requestEvents.at,
    })
    .from(requestEvents)
    .leftJoin(people, eq(people.id, requestEvents.actorId))
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.seq));
}

export async function insertRequestMessage(db: Db, m: { requestId: string; authorId: string; body: string; photoIds: string[]; createdAt: Date }) {
  const [r] = await db.insert(requestMessages).values(m).returning({ id: requestMessages.id });
  return r.id;
}

export async function listRequestMessages(db: Db, requestId: string) {
  return db
    .select({
      id: requestMessages.id,
      authorId: requestMessages.authorId,
      authorName: people.name,
      body: requestMessages.body,
      photoIds: requestMessages.photoIds,
      createdAt: requestMessages.createdAt,
    })
    .from(requestMessages)
    .innerJoin(people, eq(people.id, requestMessages.authorId))
    .where(eq(requestMessages.requestId, requestId))
    .orderBy(asc(requestMessages.createdAt), asc(requestMessages.id));
}

/** Where a person lives for 找院长: their household's courtyard, else the courtyard of their villager role. */
export async function findHomeCourtyard(
  db: Db,
  personId: string,
): Promise<{ householdId: string | null; courtyardId: string; villageId: string; townshipId: string } | null> {
  const r = await db.execute(sql`
    select h.id as household_id, c.id as courtyard_id, v.id as village_id, v.township_id
      from people p join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id join villages v on v.id = c.village_id
     where p.id = ${personId}
    union all
    (select null, ra.courtyard_id, ra.village_id, ra.township_id from role_assignments ra
      where ra.person_id = ${personId} and ra.ended_at is null and ra.role = 'villager' order by ra.created_at limit 1)
    limit 1`);
  const row = (r as unknown as { rows: Record<string, string | null>[] }).rows[0];
  return row ? { householdId: row.household_id, courtyardId: row.courtyard_id!, villageId: row.village_id!, townshipId: row.township_id! } : null;
}

export async function listMyRequests(db: Db, requesterId: string, after: { createdAt: Date; id: string } | null, limit: number) {
  const where = [eq(requests.requesterId, requesterId)];
  if (after) where.push(or(lt(requests.createdAt, after.createdAt), and(eq(requests.createdAt, after.createdAt), lt(requests.id, after.id)))!);
  return selectRequests(db)
    .where(and(...where))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(limit + 1);
}

/** The column holding a request's courtyard, village or township. */
export const placeColumn = { courtyard: requests.courtyardId, village: requests.villageId, township: requests.townshipId };

/**
 * Requests in `states` within any slice (its places, its levels — see queueSlices), next due
 * first; with `ticket`, only the one with that 工单号 (year and sequence), whatever its state.
 */
export async function listQueue(
  db: Db,
  slices: readonly TQueueSlice[],
  states: readonly TRequestState[],
  limit: number,
  ticket: { year: number; seq: number } | null = null,
): Promise<TRequestRecord[]> {
  if (!slices.length) return [];
  const inSlice = slices.map((s) => and(inArray(placeColumn[s.tier], s.scopeIds), inArray(requests.level, s.levels)));
  const which = ticket ? and(eq(requests.ticketYear, ticket.year), eq(requests.ticketSeq, ticket.seq)) : inArray(requests.state, states);
  return selectRequests(db)
    .where(and(or(...inSlice), which))
    .orderBy(sql`${requests.dueAt} asc nulls last`, desc(requests.createdAt))
    .limit(limit);
}

export async function findRequestSettings(db: Db, villageId: string): Promise<TRequestSla | null> {
  const [r] = await db
    .select({
      acceptHours: requestSettings.acceptHours,
      resolveHours: requestSettings.resolveHours,
      reopenDays: requestSettings.reopenDays,
      sosAckMinutes: requestSettings.sosAckMinutes,
    })
    .from(requestSettings)
    .where(eq(requestSettings.villageId, villageId));
  return r ?? null;
}

export async function upsertRequestSettings(db: Db, villageId: string, s: TRequestSla, by: string, at: Date): Promise<void> {
  await db
    .insert(requestSettings)
    .values({ villageId, ...s, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: requestSettings.villageId, set: { ...s, updatedBy: by, updatedAt: at } });
}
