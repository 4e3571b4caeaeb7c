import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { householdPartyLinks, people, sosCalls, sosEvents, sosRecipients } from '../schema';
import { SOS_LIVE_STATES, type TSosState } from '../../shared/domain/requests';

export type TSosRecord = {
  id: string;
  callerId: string;
  callerName: string;
  householdId: string | null;
  courtyardId: string;
  villageId: string;
  townshipId: string;
  /** 工单号: year and the township's sequence number in it */
  ticketYear: number;
  ticketSeq: number;
  address: string;
  phone: string | null;
  state: TSosState;
  step: number;
  ackBy: string | null;
  ackAt: Date | null;
  closedAt: Date | null;
  cancelReason: string | null;
  createdAt: Date;
};

const cols = {
  id: sosCalls.id,
  callerId: sosCalls.callerId,
  callerName: people.name,
  householdId: sosCalls.householdId,
  courtyardId: sosCalls.courtyardId,
  villageId: sosCalls.villageId,
  townshipId: sosCalls.townshipId,
  // required in the database (the migration sets NOT NULL after filling old rows)
  ticketYear: sql<number>`${sosCalls.ticketYear}`,
  ticketSeq: sql<number>`${sosCalls.ticketSeq}`,
  address: sosCalls.address,
  phone: sosCalls.phone,
  state: sosCalls.state,
  step: sosCalls.step,
  ackBy: sosCalls.ackBy,
  ackAt: sosCalls.ackAt,
  closedAt: sosCalls.closedAt,
  cancelReason: sosCalls.cancelReason,
  createdAt: sosCalls.createdAt,
};
const select = (db: Db) => db.select(cols).from(sosCalls).innerJoin(people, eq(people.id, sosCalls.callerId));

export async function findSos(db: Db, id: string): Promise<TSosRecord | null> {
  return (await select(db).where(eq(sosCalls.id, id)))[0] ?? null;
}

export async function lockSos(db: Db, id: string): Promise<TSosRecord | null> {
  const l = await db.select({ id: sosCalls.id }).from(sosCalls).where(eq(sosCalls.id, id)).for('update');
  return l.length ? findSos(db, id) : null;
}

/** The caller's live call (open or acknowledged), if any. */
export async function findLiveSos(db: Db, callerId: string): Promise<TSosRecord | null> {
  return (await select(db).where(and(eq(sosCalls.callerId, callerId), inArray(sosCalls.state, SOS_LIVE_STATES))))[0] ?? null;
}

export async function findLatestSos(db: Db, callerId: string): Promise<TSosRecord | null> {
  return (
    (
      await select(db)
        .where(eq(sosCalls.callerId, callerId))
        .orderBy(sql`${sosCalls.createdAt} desc`)
        .limit(1)
    )[0] ?? null
  );
}

/** A new live call, or null when the caller already has one (the partial unique index decides races). */
export async function insertSos(
  db: Db,
  v: Pick<TSosRecord, 'callerId' | 'householdId' | 'courtyardId' | 'villageId' | 'townshipId' | 'ticketYear' | 'ticketSeq' | 'address' | 'phone' | 'createdAt'>,
): Promise<string | null> {
  const r = await db
    .insert(sosCalls)
    .values({ ...v, state: 'open', step: 0 })
    .onConflictDoNothing()
    .returning({ id: sosCalls.id });
  return r[0]?.id ?? null;
}

export async function updateSos(
  db: Db,
  id: string,
  v: Partial<{ state: TSosRecord['state']; step: number; ackBy: string; ackAt: Date; closedAt: Date; cancelReason: string }>,
) {
  await db.update(sosCalls).set(v).where(eq(sosCalls.id, id));
}

export async function insertSosEvent(db: Db, e: { callId: string; actorId: string | null; kind: string; step: number; note?: string | null; at: Date }) {
  await db.insert(sosEvents).values(e);
}

export async function listSosEvents(db: Db, callId: string) {
  return db
    .select({ kind: sosEvents.kind, actorName: people.name, note: sosEvents.note, at: sosEvents.at, step: sosEvents.step })
    .from(sosEvents)
    .leftJoin(people, eq(people.id, sosEvents.actorId))
    .where(eq(sosEvents.callId, callId))
    .orderBy(asc(sosEvents.seq));
}

/** Records who was told at a step; returns those not told before. */
export async function addSosRecipients(db: Db, callId: string, step: number, people: { personId: string; why: string }[]): Promise<string[]> {
  if (!people.length) return [];
  const r = await db
    .insert(sosRecipients)
    .values(people.map((p) => ({ callId, step, ...p })))
    .onConflictDoNothing()
    .returning({ personId: sosRecipients.personId });
  return r.map((x) => x.personId);
}

/** Who was told of a call, with their phones, in the order of the steps (院长和联户党员 first). */
export async function listSosRecipientPhones(db: Db, callId: string): Promise<{ id: string; name: string; phone: string | null; why: string }[]> {
  return db
    .select({ id: people.id, name: people.name, phone: people.phone, why: sosRecipients.why })
    .from(sosRecipients)
    .innerJoin(people, eq(people.id, sosRecipients.personId))
    .where(eq(sosRecipients.callId, callId))
    .orderBy(asc(sosRecipients.step), asc(people.name), asc(people.id));
}

export async function listSosRecipients(db: Db, callId: string): Promise<string[]> {
  return (await db.select({ personId: sosRecipients.personId }).from(sosRecipients).where(eq(sosRecipients.callId, callId))).map((r) => r.personId);
}

/** Live calls the person was told about, or whose place their staff scope covers. */
/**
 * Live calls a person answers: told about them, or in a place their staff role covers. With
 * `ticket`, only the call of that 工单号 (year and sequence) among them, whatever its state.
 */
export async function listLiveSosFor(
  db: Db,
  personId: string,
  scope: { courtyardIds: string[]; villageIds: string[]; townshipIds: string[] },
  ticket: { year: number; seq: number } | null = null,
) {
  const told = db.select({ id: sosRecipients.callId }).from(sosRecipients).where(eq(sosRecipients.personId, personId));
  const conds = [inArray(sosCalls.id, told)];
  if (scope.courtyardIds.length) conds.push(inArray(sosCalls.courtyardId, scope.courtyardIds));
  if (scope.villageIds.length) conds.push(inArray(sosCalls.villageId, scope.villageIds));
  if (scope.townshipIds.length) conds.push(inArray(sosCalls.townshipId, scope.townshipIds));
  return select(db)
    .where(and(ticket ? and(eq(sosCalls.ticketYear, ticket.year), eq(sosCalls.ticketSeq, ticket.seq)) : inArray(sosCalls.state, SOS_LIVE_STATES), or(...conds)))
    .orderBy(asc(sosCalls.createdAt))
    .limit(50);
}

/** 联户党员 of a household. */
export async function listHouseholdPartyMembers(db: Db, householdId: string): Promise<string[]> {
  return (await db.select({ p: householdPartyLinks.personId }).from(householdPartyLinks).where(eq(householdPartyLinks.householdId, householdId))).map(
    (r) => r.p,
  );
}

export async function setHouseholdPartyMember(db: Db, householdId: string, personId: string | null): Promise<void> {
  await db.delete(householdPartyLinks).where(eq(householdPartyLinks.householdId, householdId));
  if (personId) await db.insert(householdPartyLinks).values({ householdId, personId });
}

/** The flags that decide whether the 一键呼叫 button shows. */
export async function findSosFlags(db: Db, personId: string) {
  const [r] = await db
    .select({
      name: people.name,
      phone: people.phone,
      householdId: people.householdId,
      elderly: people.elderly,
      livesAlone: people.livesAlone,
      needsCare: people.needsCare,
      sosEnabled: people.sosEnabled,
      isPartyMember: people.isPartyMember,
    })
    .from(people)
    .where(eq(people.id, personId));
  return r ?? null;
}

export async function setSosEnabled(db: Db, personId: string, enabled: boolean): Promise<void> {
  await db.update(people).set({ sosEnabled: enabled }).where(eq(people.id, personId));
}

/** 地址: 村 院落 门牌 — what a responder needs to find the caller. */
/** The parts of a home's address: village, courtyard and the household's label (shared/domain/text homeAddress joins them). */
export async function findAddressParts(
  db: Db,
  householdId: string | null,
  courtyardId: string,
): Promise<{ village: string; courtyard: string; label: string | null } | null> {
  const r = await db.execute(sql`
    select v.name as village, c.name as courtyard, ${householdId ? sql`(select label from households where id = ${householdId})` : sql`null`} as label
      from courtyards c join villages v on v.id = c.village_id where c.id = ${courtyardId}`);
  return (r as unknown as { rows: { village: string; courtyard: string; label: string | null }[] }).rows[0] ?? null;
}
