import type { Db } from '../../../db/client';
import { takeFromCounter } from '../../../db/queries/rate-counters';
import { secondsUntilNextWindow, tryAgainWhen, windowStart, type TLimit } from '../../../shared/domain/rate-limit';
import { AppError, messageOf, type TErrorCode } from '../../../shared/errors';

/**
 * Counts one event against a limit, or refuses with 429: Retry-After is the rest of the
 * window and the message says when to try again. Runs on whatever `db` it is given: the
 * request's transaction (a photo that is not stored is not counted) or the pool (a refused
 * sign-in still counts).
 */
export async function takeLimit(db: Db, now: Date, v: { bucket: string; limit: TLimit; bytes?: number; code: TErrorCode; what?: string }): Promise<void> {
  const ok = await takeFromCounter(db, {
    bucket: v.bucket,
    windowStart: windowStart(v.limit.window, now),
    bytes: v.bytes,
    maxCount: v.limit.count,
    maxBytes: v.limit.bytes,
  });
  if (ok) return;
  const base = v.what ?? messageOf(v.code).replace(/，?请.*$/, '');
  throw new AppError(v.code, { message: `${base}，${tryAgainWhen(v.limit.window, now)}`, retryAfterS: secondsUntilNextWindow(v.limit.window, now) });
}
