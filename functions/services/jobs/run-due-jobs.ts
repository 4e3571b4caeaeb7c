import { claimDueJobs, failJob, finishJob, retryJobLater } from '../../../db/queries/jobs';
import { backoffMs } from '../../../shared/domain/backoff';
import type { TServiceContext, TWorkContext } from '../context';
import { isJobName } from './job-names';
import { JOB_HANDLERS } from './registry';

export const JOB_LEASE_MS = 60_000;

/** Runs due timers: each in its own transaction with its done-mark; failures back off, then fail. */
export async function runDueJobs(ctx: TWorkContext, limit = 20): Promise<{ ran: number; failed: number; notified: boolean }> {
  const now = ctx.now();
  const jobs = await claimDueJobs(ctx.db, now, new Date(now.getTime() + JOB_LEASE_MS), limit);
  let ran = 0;
  let failed = 0;
  let notified = false;
  for (const job of jobs) {
    const handler = isJobName(job.name) ? JOB_HANDLERS[job.name] : undefined;
    const sctx: TServiceContext = { db: ctx.db, dbKind: 'postgres', now: ctx.now, actor: null, requestId: `job:${job.key}`, env: ctx.env };
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await ctx.db.transaction(async (tx) => {
        await handler(sctx, tx, job.payload);
        if (!(await finishJob(tx, job.id, job.attempts, ctx.now()))) throw new Error('lease lost');
      });
      ran++;
      notified ||= Boolean(sctx.effects?.notified);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      if (!handler || job.attempts >= job.maxAttempts) {
        await failJob(ctx.db, job.id, reason, ctx.now());
        failed++;
      } else {
        await retryJobLater(ctx.db, job.id, new Date(ctx.now().getTime() + backoffMs(job.attempts, { random: ctx.random })), reason);
      }
    }
  }
  return { ran, failed, notified };
}
