import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, joinRequests } from '../schema';
import type { TJoinState } from '../../shared/domain/join-policy';

export type TJoinRequestRecord = {
  id: string;
  personId: string;
  courtyardId: string;
  courtyardName: string;
  state: TJoinState;
  name: string;
  phone: string;
  householdLabel: string;
  members: { name: string; relation: string }[];
  livesAlone: boolean;
  elderly: boolean;
  needsCare: boolean;
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

const cols = {
  id: joinRequests.id,
  personId: joinRequests.personId,
  courtyardId: joinRequests.courtyardId,
  courtyardName: courtyards.name,
  state: joinRequests.state,
  name: joinRequests.name,
  phone: joinRequests.phone,
  householdLabel: joinRequests.householdLabel,
  members: joinRequests.members,
  livesAlone: joinRequests.livesAlone,
  elderly: joinRequests.elderly,
  needsCare: joinRequests.needsCare,
  reason: joinRequests.reason,
  createdAt: joinRequests.createdAt,
  decidedAt: joinRequests.decidedAt,
};

/** Join requests with their courtyard's name, as every read here returns them; the caller adds where, order and lock. */
function selectJoinRequests(db: Db) {
  return db.select(cols).from(joinRequests).innerJoin(courtyards, eq(courtyards.id, joinRequests.courtyardId));
}

/** Inserts a pending request; null when the person already has one pending (unique index). */
export async function insertJoinRequest(
  db: Db,
  v: Pick<
    TJoinRequestRecord,
    'personId' | 'courtyardId' | 'name' | 'phone' | 'householdLabel' | 'members' | 'livesAlone' | 'elderly' | 'needsCare' | 'createdAt'
  > & {
    invitationId: string;
  },
): Promise<string | null> {
  const [r] = await db
    .insert(joinRequests)
    .values({ ...v, state: 'pending' })
    .onConflictDoNothing()
    .returning({ id: joinRequests.id });
  return r?.id ?? null;
}

export async function findJoinRequest(db: Db, id: string): Promise<TJoinRequestRecord | null> {
  const [r] = await selectJoinRequests(db).where(eq(joinRequests.id, id));
  return r ?? null;
}

/** Locks the request row for a decision within the caller's transaction. */
export async function lockJoinRequest(db: Db, id: string): Promise<TJoinRequestRecord | null> {
  const [r] = await selectJoinRequests(db).where(eq(joinRequests.id, id)).for('update', { of: joinRequests });
  return r ?? null;
}

export async function findPendingJoinRequestOf(db: Db, personId: string): Promise<TJoinRequestRecord | null> {
  const [r] = await selectJoinRequests(db).where(and(eq(joinRequests.personId, personId), eq(joinRequests.state, 'pending')));
  return r ?? null;
}

export async function listJoinRequestsOfPerson(db: Db, personId: string, limit = 20): Promise<TJoinRequestRecord[]> {
  const rows = await selectJoinRequests(db).where(eq(joinRequests.personId, personId)).orderBy(desc(joinRequests.createdAt)).limit(limit);
  return rows;
}

export async function listJoinRequestsOfCourtyard(db: Db, courtyardId: string, state: TJoinState | undefined, limit = 100): Promise<TJoinRequestRecord[]> {
  const rows = await selectJoinRequests(db)
    .where(and(eq(joinRequests.courtyardId, courtyardId), state ? eq(joinRequests.state, state) : undefined))
    .orderBy(desc(joinRequests.createdAt))
    .limit(limit);
  return rows;
}

export async function decideJoinRequest(
  db: Db,
  id: string,
  v: { state: Exclude<TJoinState, 'pending'>; decidedBy: string | null; decidedAt: Date; reason?: string | null; householdId?: string | null },
): Promise<void> {
  await db
    .update(joinRequests)
    .set(v)
    .where(and(eq(joinRequests.id, id), eq(joinRequests.state, 'pending')));
}

/** Marks pending requests created before `before` as expired (stale requests are not left hanging). */
export async function expireStaleJoinRequests(db: Db, where: { personId?: string; courtyardId?: string }, before: Date, at: Date): Promise<number> {
  const r = await db
    .update(joinRequests)
    .set({ state: 'expired', decidedAt: at })
    .where(
      and(
        eq(joinRequests.state, 'pending'),
        lt(joinRequests.createdAt, before),
        where.personId ? eq(joinRequests.personId, where.personId) : undefined,
        where.courtyardId ? eq(joinRequests.courtyardId, where.courtyardId) : undefined,
      ),
    )
    .returning({ id: joinRequests.id });
  return r.length;
}
