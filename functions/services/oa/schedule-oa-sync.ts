import { oaEnabled } from '../../runtime/env';
import type { TWorkContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { oaSyncJobKey } from './sync-oa-followers';

const EVERY_MS = 3600_000;
let lastRun = 0;

/**
 * Schedules today's 关注者同步 timer (China day): the key makes it one job a day however many
 * instances ask, and the timer runs it like any other (claimed, retried with backoff). Asked at
 * most hourly per instance by the dispatcher, only when the 公众号 is configured.
 */
export async function scheduleOaSync(ctx: TWorkContext, wallClock: () => Date = () => new Date()): Promise<boolean> {
  if (!oaEnabled(ctx.env)) return false;
  if (wallClock().getTime() - lastRun < EVERY_MS) return false;
  lastRun = wallClock().getTime();
  const now = ctx.now();
  return scheduleJob(ctx.db, { name: 'oa_follower_sync', key: oaSyncJobKey(now), runAt: now, payload: {} }, now);
}
