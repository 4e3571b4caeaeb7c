import type { Db } from '../../../db/client';
import { cancelJob as cancelJobRow, insertJob } from '../../../db/queries/jobs';
import type { TJobName } from './job-names';

/**
 * 定时任务: run job `name` with `payload` at `runAt`, in the caller's transaction.
 * Idempotent by `key`: scheduling the same key again changes nothing. Returns whether added.
 */
export function scheduleJob(tx: Db, job: { name: TJobName; key: string; runAt: Date; payload: Record<string, unknown> }, now: Date): Promise<boolean> {
  return insertJob(tx, { ...job, createdAt: now });
}

/** Cancels a job that has not run yet (e.g. the request was accepted before its deadline). */
export function cancelJob(tx: Db, key: string, now: Date): Promise<boolean> {
  return cancelJobRow(tx, key, now);
}
