import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { people, redemptions, rewards } from '../schema';
import type { TRedemptionState } from '../../shared/domain/points';

export type TRewardRecord = {
  id: string;
  villageId: string;
  name: string;
  pictureUrl: string | null;
  price: number;
  stock: number;
  perPersonLimit: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  active: boolean;
};

const rewardCols = {
  id: rewards.id,
  villageId: rewards.villageId,
  name: rewards.name,
  pictureUrl: rewards.pictureUrl,
  price: rewards.price,
  stock: rewards.stock,
  perPersonLimit: rewards.perPersonLimit,
  startsAt: rewards.startsAt,
  endsAt: rewards.endsAt,
  active: rewards.active,
};

export async function insertReward(db: Db, v: Omit<TRewardRecord, 'id'> & { createdBy: string }): Promise<TRewardRecord> {
  const [r] = await db.insert(rewards).values(v).returning(rewardCols);
  return r;
}

export async function updateReward(db: Db, id: string, set: Partial<Omit<TRewardRecord, 'id' | 'villageId'>>): Promise<TRewardRecord | null> {
  const [r] = await db.update(rewards).set(set).where(eq(rewards.id, id)).returning(rewardCols);
  return r ?? null;
}

export async function findReward(db: Db, id: string): Promise<TRewardRecord | null> {
  const [r] = await db.select(rewardCols).from(rewards).where(eq(rewards.id, id));
  return r ?? null;
}

export async function listRewards(db: Db, villageId: string, onlyActive: boolean): Promise<TRewardRecord[]> {
  return db
    .select(rewardCols)
    .from(rewards)
    .where(and(eq(rewards.villageId, villageId), onlyActive ? eq(rewards.active, true) : undefined))
    .orderBy(asc(rewards.price), asc(rewards.name));
}

/** Takes one from stock if any is left (the hot row: touch it last in a transaction). */
export async function takeStock(db: Db, rewardId: string): Promise<boolean> {
  const r = await db
    .update(rewards)
    .set({ stock: sql`${rewards.stock} - 1` })
    .where(and(eq(rewards.id, rewardId), gt(rewards.stock, 0)))
    .returning({ id: rewards.id });
  return r.length === 1;
}

export async function returnStock(db: Db, rewardId: string): Promise<void> {
  await db
    .update(rewards)
    .set({ stock: sql`${rewards.stock} + 1` })
    .where(eq(rewards.id, rewardId));
}

export type TRedemptionRecord = {
  id: string;
  rewardId: string;
  rewardName: string;
  personId: string;
  personName: string;
  villageId: string;
  points: number;
  pickupCode: string;
  state: TRedemptionState;
  expiresAt: Date;
  createdAt: Date;
  closedAt: Date | null;
};

const redemptionCols = {
  id: redemptions.id,
  rewardId: redemptions.rewardId,
  rewardName: rewards.name,
  personId: redemptions.personId,
  personName: people.name,
  villageId: redemptions.villageId,
  points: redemptions.points,
  pickupCode: redemptions.pickupCode,
  state: redemptions.state,
  expiresAt: redemptions.expiresAt,
  createdAt: redemptions.createdAt,
  closedAt: redemptions.closedAt,
};

/** Inserts a redemption; null when the pickup code collided (draw another). */
export async function insertRedemption(
  db: Db,
  v: { rewardId: string; personId: string; villageId: string; points: number; pickupCode: string; expiresAt: Date; createdAt: Date },
): Promise<string | null> {
  const [r] = await db.insert(redemptions).values(v).onConflictDoNothing({ target: redemptions.pickupCode }).returning({ id: redemptions.id });
  return r?.id ?? null;
}

export async function findRedemption(db: Db, id: string): Promise<TRedemptionRecord | null> {
  const [r] = await db
    .select(redemptionCols)
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(people, eq(people.id, redemptions.personId))
    .where(eq(redemptions.id, id));
  return r ?? null;
}

export async function findRedemptionByCode(db: Db, villageId: string, pickupCode: string): Promise<TRedemptionRecord | null> {
  const [r] = await db
    .select(redemptionCols)
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(people, eq(people.id, redemptions.personId))
    .where(and(eq(redemptions.villageId, villageId), eq(redemptions.pickupCode, pickupCode)));
  return r ?? null;
}

/** Ends a reserved redemption: the state moves once, so points and stock return at most once. */
export async function closeRedemption(db: Db, id: string, state: Exclude<TRedemptionState, 'reserved'>, by: string | null, at: Date): Promise<boolean> {
  const r = await db
    .update(redemptions)
    .set({ state, closedAt: at, closedBy: by })
    .where(and(eq(redemptions.id, id), eq(redemptions.state, 'reserved')))
    .returning({ id: redemptions.id });
  return r.length === 1;
}

/** One person's redemptions of a reward in `states` (per-person limits count those that kept their points). */
export async function countRedemptions(db: Db, rewardId: string, personId: string, states: readonly TRedemptionState[]): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(redemptions)
    .where(and(eq(redemptions.rewardId, rewardId), eq(redemptions.personId, personId), inArray(redemptions.state, states)));
  return Number(r.n);
}

export async function listRedemptionsOfPerson(db: Db, personId: string, limit = 50): Promise<TRedemptionRecord[]> {
  const rows = await db
    .select(redemptionCols)
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(people, eq(people.id, redemptions.personId))
    .where(eq(redemptions.personId, personId))
    .orderBy(desc(redemptions.createdAt))
    .limit(limit);
  return rows;
}

export async function listRedemptionsOfVillage(db: Db, villageId: string, state: TRedemptionState | undefined, limit = 100): Promise<TRedemptionRecord[]> {
  const rows = await db
    .select(redemptionCols)
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(people, eq(people.id, redemptions.personId))
    .where(and(eq(redemptions.villageId, villageId), state ? eq(redemptions.state, state) : undefined))
    .orderBy(desc(redemptions.createdAt))
    .limit(limit);
  return rows;
}
