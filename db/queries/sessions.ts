import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { sessions, type SESSION_METHODS } from '../schema';

export type TSessionMethod = (typeof SESSION_METHODS)[number];

export async function insertSession(db: Db, v: { personId: string; tokenHash: string; method: TSessionMethod; createdAt: Date; expiresAt: Date }) {
  const [r] = await db.insert(sessions).values(v).returning({ id: sessions.id });
  return r;
}

/** A live session (not revoked, not expired at `now`) by token hash. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<{ id: string; personId: string } | null> {
  const [r] = await db
    .select({ id: sessions.id, personId: sessions.personId })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return r ?? null;
}

export async function revokeSession(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}
