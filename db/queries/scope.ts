import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, households, villages } from '../schema';
import type { TScopePath } from '../../shared/domain/access';

/** Where a courtyard sits in the organisation, or null when it does not exist. */
export async function courtyardScopePath(db: Db, courtyardId: string): Promise<TScopePath | null> {
  const [r] = await db
    .select({ townshipId: villages.townshipId, villageId: villages.id, courtyardId: courtyards.id })
    .from(courtyards)
    .innerJoin(villages, eq(villages.id, courtyards.villageId))
    .where(eq(courtyards.id, courtyardId));
  return r ?? null;
}

export async function householdScopePath(db: Db, householdId: string): Promise<TScopePath | null> {
  const [r] = await db
    .select({ townshipId: villages.townshipId, villageId: villages.id, courtyardId: courtyards.id })
    .from(households)
    .innerJoin(courtyards, eq(courtyards.id, households.courtyardId))
    .innerJoin(villages, eq(villages.id, courtyards.villageId))
    .where(eq(households.id, householdId));
  return r ?? null;
}
