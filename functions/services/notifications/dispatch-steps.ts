import { claimDueSteps, scheduleStep } from '../../../db/queries/notifications';
import { isTemplate } from '../../../shared/domain/notification-templates';
import type { TWorkContext } from '../context';
import { nextStep, runChannelStep, stepDueAt } from './run-channel-step';

/** A claimed step is leased this long: a dispatcher that dies mid-step leaves it to the next. */
export const STEP_LEASE_MS = 60_000;
/** A later step that keeps failing to get through is retried this often, for at most this long. */
const STEP_RETRY_MS = 60_000;
const STEP_GIVE_UP_MS = 3600_000;

export type TStepStats = { claimed: number; sent: number; skipped: number; retry: number; failed: number };

/**
 * The later steps of delivered notifications (an SMS when nobody acknowledged a task or an SOS
 * in time): claimed like the outbox, run, then the next step scheduled or none.
 */
export async function dispatchSteps(ctx: TWorkContext, opts: { limit?: number } = {}): Promise<TStepStats> {
  const now = ctx.now();
  const due = await claimDueSteps(ctx.db, now, new Date(now.getTime() + STEP_LEASE_MS), opts.limit ?? 50);
  const stats: TStepStats = { claimed: due.length, sent: 0, skipped: 0, retry: 0, failed: 0 };
  for (const n of due) {
    if (!isTemplate(n.template)) {
      await scheduleStep(ctx.db, n.id, n.step, null);
      continue;
    }
    const notice = { ...n, template: n.template };
    const r = await runChannelStep(ctx, notice);
    const late = ctx.now().getTime() - (stepDueAt(notice, n.step)?.getTime() ?? 0);
    if (r.kind === 'retry' && late < STEP_GIVE_UP_MS) {
      await scheduleStep(ctx.db, n.id, n.step, new Date(ctx.now().getTime() + STEP_RETRY_MS));
      stats.retry++;
      continue;
    }
    stats[r.kind === 'done' ? (r.sent ? 'sent' : 'skipped') : 'failed']++;
    const next = nextStep(ctx.env, notice, n.step);
    await scheduleStep(ctx.db, n.id, next?.step ?? n.step + 1, next?.dueAt ?? null);
  }
  return stats;
}
