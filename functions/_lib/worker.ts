import type { TWorkContext } from '../services/context';
import { runDueWork, type TWorkStats } from '../services/work/run-due-work';
import { getDb } from './db';
import { appNow } from '../runtime/clock';
import { env } from '../runtime/env';
import { log } from './log';

let running: Promise<void> | null = null;
let again = false;

async function workContext(): Promise<TWorkContext> {
  return { db: (await getDb()).db, now: appNow, env: env() };
}

/** One bounded drain of due timers and notifications (cron, interval, kicks). */
export async function drainOnce(budgetMs?: number): Promise<TWorkStats> {
  return runDueWork(await workContext(), budgetMs);
}

/**
 * Best-effort kick after a commit that enqueued something, so a cleaner is told within
 * seconds rather than at the next tick. Coalesces: while a drain runs, one more follows it.
 */
export function kickWorker(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await drainOnce();
      } while (again);
    } catch (e) {
      log('warn', 'worker drain failed', { err: e instanceof Error ? e.message : String(e) });
    } finally {
      running = null;
    }
  })();
  return running;
}

/** The single-server host drains on an interval too (cron does it on Vercel). */
export function startWorkerInterval(intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  const t = setInterval(() => void kickWorker(), intervalMs);
  t.unref();
  return () => clearInterval(t);
}

/** Waits for a drain in flight (tests, shutdown). */
export function workerIdle(): Promise<void> {
  return running ?? Promise.resolve();
}
