import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { scheduledJobs } from '../schema';

/** Schedules a job unless one with the same key exists. Returns whether it was added. */
export async function insertJob(db: Db, v: { name: string; key: string; payload: Record<string, unknown>; runAt: Date; createdAt: Date }): Promise<boolean> {
  const r = await db.insert(scheduledJobs).values(v).onConflictDoNothing({ target: scheduledJobs.key }).returning({ id: scheduledJobs.id });
  return r.length === 1;
}

/** Cancels a job that has not run yet. */
export async function cancelJob(db: Db, key: string, at: Date): Promise<boolean> {
  const r = await db
    .update(scheduledJobs)
    .set({ state: 'cancelled', finishedAt: at })
    .where(and(eq(scheduledJobs.key, key), eq(scheduledJobs.state, 'pending')))
    .returning({ id: scheduledJobs.id });
  return r.length === 1;
}

export type TClaimedJob = { id: string; name: string; key: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number };

export async function claimDueJobs(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<TClaimedJob[]> {
  const r = await db.execute(sql`
    update scheduled_jobs j
       set state = 'running', attempts = j.attempts + 1, locked_until = ${leaseUntil.toISOString()}::timestamptz
     where j.id in (
       select id from scheduled_jobs
        where (state = 'pending' and run_at <= ${now.toISOString()}::timestamptz)
           or (state = 'running' and locked_until < ${now.toISOString()}::timestamptz)
        order by run_at
        limit ${limit}
        for update skip locked)
    returning j.id, j.name, j.key, j.payload, j.attempts, j.max_attempts`);
  return (r as unknown as { rows: Record<string, unknown>[] }).rows.map((x) => ({
    id: x.id as string,
    name: x.name as string,
    key: x.key as string,
    payload: (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as Record<string, unknown>,
    attempts: Number(x.attempts),
    maxAttempts: Number(x.max_attempts),
  }));
}

/** Marks a running job done; false when its lease was lost (another runner took it). */
export async function finishJob(db: Db, id: string, attempts: number, at: Date): Promise<boolean> {
  const r = await db
    .update(scheduledJobs)
    .set({ state: 'done', finishedAt: at, lockedUntil: null })
    .where(and(eq(scheduledJobs.id, id), eq(scheduledJobs.state, 'running'), eq(scheduledJobs.attempts, attempts)))
    .returning({ id: scheduledJobs.id });
  return r.length === 1;
}

export async function retryJobLater(db: Db, id: string, runAt: Date, error: string): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({ state: 'pending', runAt, lockedUntil: null, lastError: error })
    .where(and(eq(scheduledJobs.id, id), eq(scheduledJobs.state, 'running')));
}

export async function failJob(db: Db, id: string, error: string, at: Date): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({ state: 'failed', lastError: error, finishedAt: at, lockedUntil: null })
    .where(and(eq(scheduledJobs.id, id), eq(scheduledJobs.state, 'running')));
}

export async function findJob(db: Db, key: string): Promise<{ state: string; runAt: Date; attempts: number; lastError: string | null } | null> {
  const [r] = await db
    .select({ state: scheduledJobs.state, runAt: scheduledJobs.runAt, attempts: scheduledJobs.attempts, lastError: scheduledJobs.lastError })
    .from(scheduledJobs)
    .where(eq(scheduledJobs.key, key));
  return r ?? null;
}
