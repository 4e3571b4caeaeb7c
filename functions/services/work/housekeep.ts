import { deleteAdminLoginTicketsBefore } from '../../../db/queries/admin-login';
import { deleteExpiredIdempotencyKeys } from '../../../db/queries/idempotency';
import { deleteCountersBefore } from '../../../db/queries/rate-counters';
import { pruneRegistryImportsBefore } from '../../../db/queries/registry-import';
import type { TWorkContext } from '../context';

const EVERY_MS = 3600_000;
/** Idempotency records are promised for 24 h; keep them a day longer than that. */
const KEEP_KEYS_MS = 48 * 3600_000;
/** Rate windows are a minute or a day; two days covers the longest. */
const KEEP_COUNTERS_MS = 2 * 86_400_000;
/** 扫码登录 tickets live two minutes; staged 信息采集 imports are committed or dropped within a day. */
const KEEP_DESK_MS = 86_400_000;

let lastRun = 0;

/**
 * Drops idempotency records, rate counters, old 扫码登录 tickets and staged 信息采集 imports past
 * their use (an import never committed with its rows, a committed one's rows), at most hourly per instance.
 * Ages are read on the wall clock, not the work clock: timer tests and the test clock move
 * the latter days ahead, which must not delete what other requests still rely on.
 */
export async function housekeep(
  ctx: Pick<TWorkContext, 'db'>,
  wallClock: () => Date = () => new Date(),
): Promise<{ keys: number; counters: number; tickets: number; imports: number; importRows: number } | null> {
  const now = wallClock();
  if (now.getTime() - lastRun < EVERY_MS) return null;
  lastRun = now.getTime();
  const keys = await deleteExpiredIdempotencyKeys(ctx.db, new Date(now.getTime() - KEEP_KEYS_MS));
  const counters = await deleteCountersBefore(ctx.db, new Date(now.getTime() - KEEP_COUNTERS_MS));
  const tickets = await deleteAdminLoginTicketsBefore(ctx.db, new Date(now.getTime() - KEEP_DESK_MS));
  const staged = await pruneRegistryImportsBefore(ctx.db, new Date(now.getTime() - KEEP_DESK_MS));
  return { keys, counters, tickets, imports: staged.abandoned, importRows: staged.rows };
}
