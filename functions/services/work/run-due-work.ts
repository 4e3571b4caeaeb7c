import type { TWorkContext } from '../context';
import { runDueJobs } from '../jobs/run-due-jobs';
import { dispatchNotifications } from '../notifications/dispatch-notifications';
import { dispatchSteps } from '../notifications/dispatch-steps';
import { scheduleOaSync } from '../oa/schedule-oa-sync';
import { housekeep } from './housekeep';

export type TWorkStats = { jobs: number; jobsFailed: number; delivered: number; retry: number; failed: number; steps: number; passes: number };

/**
 * Drains due timers, then due notifications (timers may enqueue some), pass after pass until
 * nothing is due or the time budget is spent; hourly, drops expired idempotency records and
 * rate counters, and schedules the day's 公众号 follower sync. Run by cron, the host's interval and kicks.
 */
export async function runDueWork(ctx: TWorkContext, budgetMs = 8_000): Promise<TWorkStats> {
  const stop = Date.now() + budgetMs;
  const s: TWorkStats = { jobs: 0, jobsFailed: 0, delivered: 0, retry: 0, failed: 0, steps: 0, passes: 0 };
  await housekeep(ctx);
  await scheduleOaSync(ctx);
  while (Date.now() < stop) {
    s.passes++;
    const j = await runDueJobs(ctx);
    const d = await dispatchNotifications(ctx);
    const st = await dispatchSteps(ctx);
    s.jobs += j.ran;
    s.jobsFailed += j.failed;
    s.delivered += d.delivered;
    s.retry += d.retry;
    s.failed += d.failed;
    s.steps += st.claimed;
    if (j.ran + j.failed === 0 && d.claimed === 0 && st.claimed === 0) break;
  }
  return s;
}
