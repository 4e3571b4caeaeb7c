import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { courtyards, roleAssignments, sessions, townships, villages, type SESSION_METHODS } from '../schema';
import { grantScopeName, type TGrantRecord } from './roles';

export type TSessionMethod = (typeof SESSION_METHODS)[number];

export async function insertSession(
  db: Db,
  v: { personId: string; tokenHash: string; method: TSessionMethod; createdAt: Date; expiresAt: Date; device?: string | null },
) {
  const [r] = await db
    .insert(sessions)
    .values({ ...v, lastSeenAt: v.createdAt })
    .returning({ id: sessions.id });
  return r;
}

const liveSessionRows = prepared((db, p: TPlaceholders<{ tokenHash: string; now: string }>) =>
  db
    .select({
      id: sessions.id,
      personId: sessions.personId,
      lastSeenAt: sessions.lastSeenAt,
      role: roleAssignments.role,
      scopeType: roleAssignments.scopeType,
      townshipId: roleAssignments.townshipId,
      villageId: roleAssignments.villageId,
      courtyardId: roleAssignments.courtyardId,
      scopeName: grantScopeName,
    })
    .from(sessions)
    .leftJoin(roleAssignments, and(eq(roleAssignments.personId, sessions.personId), isNull(roleAssignments.endedAt)))
    .leftJoin(townships, eq(townships.id, roleAssignments.townshipId))
    .leftJoin(villages, eq(villages.id, roleAssignments.villageId))
    .leftJoin(courtyards, eq(courtyards.id, roleAssignments.courtyardId))
    .where(and(eq(sessions.tokenHash, p.tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, p.now)))
    .orderBy(asc(roleAssignments.createdAt)),
);

/**
 * A live session (not revoked, not expired at `now`) by token hash, with its person's active
 * role grants (as `listActiveGrants` reads them) in the same statement: signing a request in is
 * one round trip.
 */
export async function findLiveSessionWithGrants(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ id: string; personId: string; lastSeenAt: Date | null; grants: TGrantRecord[] } | null> {
  const rows = await liveSessionRows(db, { tokenHash, now: now.toISOString() });
  if (rows.length === 0) return null;
  const { id, personId, lastSeenAt } = rows[0];
  const grants: TGrantRecord[] = [];
  for (const r of rows) {
    // a grant's township is never null: a row without one is the session of a person with no grants
    if (r.role === null || r.scopeType === null || r.townshipId === null) continue;
    grants.push({
      role: r.role,
      scopeType: r.scopeType,
      townshipId: r.townshipId,
      villageId: r.villageId,
      courtyardId: r.courtyardId,
      scopeName: r.scopeName,
      scopeId: r.courtyardId ?? r.villageId ?? r.townshipId,
    });
  }
  return { id, personId, lastSeenAt, grants };
}

/** Moves last_seen_at forward (only ever forward: concurrent requests may race). */
export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: at })
    .where(and(eq(sessions.id, id), sql`(${sessions.lastSeenAt} is null or ${sessions.lastSeenAt} < ${at})`));
}

/** A person's live sessions, the latest used first. */
export async function listLiveSessions(db: Db, personId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      method: sessions.method,
      device: sessions.device,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`), desc(sessions.createdAt));
}

export async function revokeSession(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Revokes one of `personId`'s live sessions; false when there is none by that id (or it is someone else's). */
export async function revokeOwnSession(db: Db, personId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, id), eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, at)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
