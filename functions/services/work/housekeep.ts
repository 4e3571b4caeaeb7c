import { deleteExpiredIdempotencyKeys } from '../../../db/queries/idempotency';
import { deleteCountersBefore } from '../../../db/queries/rate-counters';
import type { TWorkContext } from '../context';

const EVERY_MS = 3600_000;
/** Idempotency records are promised for 24 h; keep them a day longer than that. */
const KEEP_KEYS_MS = 48 * 3600_000;
/** Rate windows are a minute or a day; two days covers the longest. */
const KEEP_COUNTERS_MS = 2 * 86_400_000;

let lastRun = 0;

/**
 * Drops idempotency records and rate counters past their use, at most hourly per instance.
 * Ages are read on the wall clock, not the work clock: timer tests and the test clock move
 * the latter days ahead, which must not delete what other requests still rely on.
 */
export async function housekeep(ctx: Pick<TWorkContext, 'db'>, wallClock: () => Date = () => new Date()): Promise<{ keys: number; counters: number } | null> {
  const now = wallClock();
  if (now.getTime() - lastRun < EVERY_MS) return null;
  lastRun = now.getTime();
  const keys = await deleteExpiredIdempotencyKeys(ctx.db, new Date(now.getTime() - KEEP_KEYS_MS));
  const counters = await deleteCountersBefore(ctx.db, new Date(now.getTime() - KEEP_COUNTERS_MS));
  return { keys, counters };
}
