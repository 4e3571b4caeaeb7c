import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { binReports, bins, courtyards, households, joinRequests, notifications, redemptions, rewards, townships, villages } from '../schema';
import { findPersonPlace } from './org';
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

export async function townshipScopePath(db: Db, townshipId: string): Promise<TScopePath | null> {
  const [r] = await db.select({ townshipId: townships.id }).from(townships).where(eq(townships.id, townshipId));
  return r ? { townshipId: r.townshipId, villageId: null, courtyardId: null } : null;
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

/** A person's place: their household's courtyard, else the village of their first scoped role. */
export async function personScopePath(db: Db, personId: string): Promise<TScopePath | null> {
  const place = await findPersonPlace(db, personId);
  return place ? { townshipId: place.townshipId, villageId: place.villageId, courtyardId: place.courtyardId } : null;
}

export async function rewardScopePath(db: Db, rewardId: string): Promise<TScopePath | null> {
  const [r] = await db.select({ villageId: rewards.villageId }).from(rewards).where(eq(rewards.id, rewardId));
  return r ? villageScopePath(db, r.villageId) : null;
}

export async function redemptionScopePath(db: Db, redemptionId: string): Promise<TScopePath | null> {
  const [r] = await db.select({ villageId: redemptions.villageId }).from(redemptions).where(eq(redemptions.id, redemptionId));
  return r ? villageScopePath(db, r.villageId) : null;
}

export async function binReportScopePath(db: Db, id: string): Promise<TScopePath | null> {
  const [r] = await db.select({ villageId: binReports.villageId }).from(binReports).where(eq(binReports.id, id));
  return r ? villageScopePath(db, r.villageId) : null;
}

export async function binCodeScopePath(db: Db, code: string): Promise<TScopePath | null> {
  const [r] = await db.select({ villageId: bins.villageId }).from(bins).where(eq(bins.code, code));
  return r ? villageScopePath(db, r.villageId) : null;
}
