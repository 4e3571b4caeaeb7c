import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { pointsRuleChanges, pointsRules, pointsSettings } from '../schema';
import type { TPointsEvent } from '../../shared/domain/points-events';

export type TRuleRecord = { eventKind: TPointsEvent; points: number; dailyCap: number | null; updatedAt: Date };

export async function findRule(db: Db, villageId: string, eventKind: TPointsEvent): Promise<TRuleRecord | null> {
  const [r] = await db
    .select({ eventKind: pointsRules.eventKind, points: pointsRules.points, dailyCap: pointsRules.dailyCap, updatedAt: pointsRules.updatedAt })
    .from(pointsRules)
    .where(and(eq(pointsRules.villageId, villageId), eq(pointsRules.eventKind, eventKind)));
  return r ?? null;
}

export async function listRules(db: Db, villageId: string): Promise<TRuleRecord[]> {
  return db
    .select({ eventKind: pointsRules.eventKind, points: pointsRules.points, dailyCap: pointsRules.dailyCap, updatedAt: pointsRules.updatedAt })
    .from(pointsRules)
    .where(eq(pointsRules.villageId, villageId))
    .orderBy(asc(pointsRules.eventKind));
}

/** Locks the rule row (or nothing) for an audited change. */
export async function lockRule(db: Db, villageId: string, eventKind: TPointsEvent): Promise<TRuleRecord | null> {
  const [r] = await db
    .select({ eventKind: pointsRules.eventKind, points: pointsRules.points, dailyCap: pointsRules.dailyCap, updatedAt: pointsRules.updatedAt })
    .from(pointsRules)
    .where(and(eq(pointsRules.villageId, villageId), eq(pointsRules.eventKind, eventKind)))
    .for('update');
  return r ?? null;
}

export async function upsertRule(
  db: Db,
  v: { villageId: string; eventKind: TPointsEvent; points: number; dailyCap: number | null; updatedBy: string; updatedAt: Date },
) {
  await db
    .insert(pointsRules)
    .values(v)
    .onConflictDoUpdate({
      target: [pointsRules.villageId, pointsRules.eventKind],
      set: { points: v.points, dailyCap: v.dailyCap, updatedBy: v.updatedBy, updatedAt: v.updatedAt },
    });
}

export async function insertRuleChange(
  db: Db,
  v: {
    villageId: string;
    eventKind: TPointsEvent;
    oldPoints: number | null;
    newPoints: number;
    oldCap: number | null;
    newCap: number | null;
    changedBy: string;
    changedAt: Date;
  },
) {
  await db.insert(pointsRuleChanges).values(v);
}

export async function listRuleChanges(db: Db, villageId: string, limit = 50) {
  return db
    .select({
      eventKind: pointsRuleChanges.eventKind,
      oldPoints: pointsRuleChanges.oldPoints,
      newPoints: pointsRuleChanges.newPoints,
      oldCap: pointsRuleChanges.oldCap,
      newCap: pointsRuleChanges.newCap,
      changedBy: pointsRuleChanges.changedBy,
      changedAt: pointsRuleChanges.changedAt,
    })
    .from(pointsRuleChanges)
    .where(eq(pointsRuleChanges.villageId, villageId))
    .orderBy(desc(pointsRuleChanges.changedAt))
    .limit(limit);
}

export async function findRedemptionExpiryDays(db: Db, villageId: string): Promise<number> {
  const [r] = await db.select({ days: pointsSettings.redemptionExpiryDays }).from(pointsSettings).where(eq(pointsSettings.villageId, villageId));
  return r?.days ?? 7;
}

export async function saveRedemptionExpiryDays(db: Db, villageId: string, days: number) {
  await db
    .insert(pointsSettings)
    .values({ villageId, redemptionExpiryDays: days })
    .onConflictDoUpdate({ target: pointsSettings.villageId, set: { redemptionExpiryDays: days } });
}
