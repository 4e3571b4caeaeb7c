import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, joinRequests, notifications, villages } from '../schema';
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

export async function villageScopePath(db: Db, villageId: string): Promise<TScopePath | null> {
  const [r] = await db.select({ townshipId: villages.townshipId, villageId: villages.id }).from(villages).where(eq(villages.id, villageId));
  return r ? { ...r, courtyardId: null } : null;
}

export async function joinRequestScopePath(db: Db, id: string): Promise<TScopePath | null> {
  const [r] = await db
    .select({ townshipId: villages.townshipId, villageId: villages.id, courtyardId: courtyards.id })
    .from(joinRequests)
    .innerJoin(courtyards, eq(courtyards.id, joinRequests.courtyardId))
    .innerJoin(villages, eq(villages.id, courtyards.villageId))
    .where(eq(joinRequests.id, id));
  return r ?? null;
}

export async function notificationScopePath(db: Db, id: string): Promise<TScopePath | null> {
  const [r] = await db
    .select({ townshipId: villages.townshipId, villageId: villages.id })
    .from(notifications)
    .innerJoin(villages, eq(villages.id, notifications.villageId))
    .where(eq(notifications.id, id));
  return r ? { ...r, courtyardId: null } : null;
}
