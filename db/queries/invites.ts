import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyardInvitations } from '../schema';

export type TInviteRecord = { id: string; code: string; courtyardId: string; expiresAt: Date; revokedAt: Date | null };

const cols = {
  id: courtyardInvitations.id,
  code: courtyardInvitations.code,
  courtyardId: courtyardInvitations.courtyardId,
  expiresAt: courtyardInvitations.expiresAt,
  revokedAt: courtyardInvitations.revokedAt,
};

/** Inserts an invite; null when the code collides (the caller draws another). */
export async function insertInvite(
  db: Db,
  v: { courtyardId: string; code: string; createdBy: string; createdAt: Date; expiresAt: Date },
): Promise<TInviteRecord | null> {
  const [r] = await db.insert(courtyardInvitations).values(v).onConflictDoNothing({ target: courtyardInvitations.code }).returning(cols);
  return r ?? null;
}

export async function findInviteByCode(db: Db, code: string): Promise<TInviteRecord | null> {
  const [r] = await db.select(cols).from(courtyardInvitations).where(eq(courtyardInvitations.code, code));
  return r ?? null;
}
