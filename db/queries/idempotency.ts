import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { idempotencyKeys } from '../schema';

export type TIdempotencyRecord = {
  requestHash: string;
  state: (typeof idempotencyKeys.$inferSelect)['state'];
  responseStatus: number | null;
  responseBody: unknown;
};

/**
 * Claims (actor, key) inside the caller's transaction. A record older than `expiredBefore` is
 * taken over, so keys live ≥24 h; so is an `in_progress` one, which only the pre-0008 design
 * could leave committed. Returns false when a committed answer exists. While another
 * transaction holds an uncommitted claim of the key, this waits for it (see setClaimWait).
 */
export async function claimIdempotencyKey(
  db: Db,
  row: { actor: string; key: string; method: string; path: string; requestHash: string; createdAt: Date },
  expiredBefore: Date,
): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ ...row, state: 'in_progress' })
    .onConflictDoUpdate({
      target: [idempotencyKeys.actor, idempotencyKeys.key],
      set: {
        method: row.method,
        path: row.path,
        requestHash: row.requestHash,
        state: 'in_progress',
        responseStatus: null,
        responseBody: null,
        createdAt: row.createdAt,
        completedAt: null,
      },
      setWhere: or(lt(idempotencyKeys.createdAt, expiredBefore), eq(idempotencyKeys.state, 'in_progress')),
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length === 1;
}

export async function findIdempotencyKey(db: Db, actor: string, key: string): Promise<TIdempotencyRecord | null> {
  const [r] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      state: idempotencyKeys.state,
      responseStatus: idempotencyKeys.responseStatus,
      responseBody: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actor, actor), eq(idempotencyKeys.key, key)));
  return r ?? null;
}

export async function completeIdempotencyKey(db: Db, actor: string, key: string, status: number, body: unknown, at: Date): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', responseStatus: status, responseBody: sql`${JSON.stringify(body)}::jsonb`, completedAt: at })
    .where(and(eq(idempotencyKeys.actor, actor), eq(idempotencyKeys.key, key)));
}

/**
 * How long this transaction's next statements wait for a row lock (null: the default, no
 * limit). Set around the claim only, so the use case's own locks wait as they always did.
 */
export async function setClaimWait(db: Db, ms: number | null): Promise<void> {
  await db.execute(ms === null ? sql`set local lock_timeout to default` : sql.raw(`set local lock_timeout = ${Math.max(1, Math.floor(ms))}`));
}

/** Housekeeping: drop records past their retention. */
export async function deleteExpiredIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const r = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return r.length;
}
