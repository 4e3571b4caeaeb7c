import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { subscriptionCredits } from '../schema';

export async function addCredits(db: Db, personId: string, template: string, n: number, at: Date): Promise<number> {
  const [r] = await db
    .insert(subscriptionCredits)
    .values({ personId, template, credits: n, updatedAt: at })
    .onConflictDoUpdate({
      target: [subscriptionCredits.personId, subscriptionCredits.template],
      set: { credits: sql`${subscriptionCredits.credits} + ${n}`, updatedAt: at },
    })
    .returning({ credits: subscriptionCredits.credits });
  return r.credits;
}

/** Spends one credit if there is one (conditional update: never below zero). */
export async function spendCredit(db: Db, personId: string, template: string, at: Date): Promise<boolean> {
  const r = await db
    .update(subscriptionCredits)
    .set({ credits: sql`${subscriptionCredits.credits} - 1`, updatedAt: at })
    .where(and(eq(subscriptionCredits.personId, personId), eq(subscriptionCredits.template, template), gt(subscriptionCredits.credits, 0)))
    .returning({ credits: subscriptionCredits.credits });
  return r.length === 1;
}

export async function listCredits(db: Db, personId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ template: subscriptionCredits.template, credits: subscriptionCredits.credits })
    .from(subscriptionCredits)
    .where(eq(subscriptionCredits.personId, personId));
  return Object.fromEntries(rows.map((r) => [r.template, r.credits]));
}

export async function clearCredits(db: Db, personId: string, template: string, at: Date): Promise<void> {
  await db
    .update(subscriptionCredits)
    .set({ credits: 0, updatedAt: at })
    .where(and(eq(subscriptionCredits.personId, personId), eq(subscriptionCredits.template, template)));
}

/** 长期订阅: records that the person accepted a long-term template (once is enough). */
export async function holdLongTerm(db: Db, personId: string, template: string, at: Date): Promise<void> {
  await db
    .insert(subscriptionCredits)
    .values({ personId, template, credits: 0, longTermSince: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [subscriptionCredits.personId, subscriptionCredits.template],
      set: { longTermSince: sql`coalesce(${subscriptionCredits.longTermSince}, ${at.toISOString()}::timestamptz)`, updatedAt: at },
    });
}

/** WeChat said the person holds no subscription (43101): the long-term one is gone. */
export async function dropLongTerm(db: Db, personId: string, template: string, at: Date): Promise<void> {
  await db
    .update(subscriptionCredits)
    .set({ longTermSince: null, updatedAt: at })
    .where(and(eq(subscriptionCredits.personId, personId), eq(subscriptionCredits.template, template)));
}

/** Whether the person holds a long-term subscription to the template. */
export async function holdsLongTerm(db: Db, personId: string, template: string): Promise<boolean> {
  const [r] = await db
    .select({ since: subscriptionCredits.longTermSince })
    .from(subscriptionCredits)
    .where(and(eq(subscriptionCredits.personId, personId), eq(subscriptionCredits.template, template)));
  return Boolean(r?.since);
}

/** The templates the person holds long-term. */
export async function listLongTerm(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .select({ template: subscriptionCredits.template })
    .from(subscriptionCredits)
    .where(and(eq(subscriptionCredits.personId, personId), sql`${subscriptionCredits.longTermSince} is not null`));
  return rows.map((r) => r.template);
}
