import { claimDueNotifications, failNotification, rescheduleNotification } from '../../../db/queries/notifications';
import { backoffMs } from '../../../shared/domain/backoff';
import type { TWorkContext } from '../context';
import { deliverNotification, type TDeliveryResult } from './deliver-notification';

/** A claim is a lease: rows of a dispatcher that died come back after this long. */
export const NOTIFICATION_LEASE_MS = 60_000;

/** Thrown by fault injection to stop a dispatcher dead, as a kill would. */
export class SimulatedCrash extends Error {}

export type TDispatchStats = { claimed: number; delivered: number; retry: number; failed: number };

/**
 * One dispatcher pass: claims due notifications (FOR UPDATE SKIP LOCKED, highest priority
 * first) and delivers them a few at a time. An unexpected error on one row reschedules it.
 */
export async function dispatchNotifications(ctx: TWorkContext, opts: { limit?: number; concurrency?: number } = {}): Promise<TDispatchStats> {
  const now = ctx.now();
  const claimed = await claimDueNotifications(ctx.db, now, new Date(now.getTime() + NOTIFICATION_LEASE_MS), opts.limit ?? 50);
  const stats: TDispatchStats = { claimed: claimed.length, delivered: 0, retry: 0, failed: 0 };
  const queue = [...claimed];
  let crash: SimulatedCrash | undefined;
  const worker = async () => {
    // a crashed dispatcher takes no further row (as a killed process would not)
    for (let n = queue.shift(); n && !crash; n = queue.shift()) {
      let result: TDeliveryResult;
      try {
        result = await deliverNotification(ctx, n);
      } catch (e) {
        if (e instanceof SimulatedCrash) {
          crash = e;
          return;
        }
        const reason = e instanceof Error ? e.message : String(e);
        if (n.attempts >= n.maxAttempts) {
          await failNotification(ctx.db, n.id, `gave up after ${n.attempts} attempts: ${reason}`);
          result = 'failed';
        } else {
          await rescheduleNotification(ctx.db, n.id, new Date(ctx.now().getTime() + backoffMs(n.attempts, { random: ctx.random })), reason);
          result = 'retry';
        }
      }
      stats[result]++;
    }
  };
  // every worker has stopped before the pass returns or dies: none keeps writing behind the caller's back
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  if (crash) throw crash;
  return stats;
}
