import type { Db } from '../../../db/client';
import { listFollowingOaOpenids, recordOaFollower } from '../../../db/queries/oa-followers';
import type { TEnv } from '../../runtime/env';
import type { TWechatConfig } from '../wechat/code2session';
import { fetchOaUsers, listOaFollowerPage, oaConfig } from '../wechat/oa-api';

export type TOaSyncStats = { followers: number; linked: number; left: number };

/** batchget takes at most 100 openids a call. */
const BATCH = 100;

/**
 * 关注者同步: staff who followed the 公众号 before its event pushes reached us (or whose push was
 * lost) are found by listing every follower (user/get, paged by next_openid) and asking
 * user/info/batchget for their unionids; each is recorded following as of now. Followers we
 * held as following before the sync began but WeChat no longer lists are recorded as having left. Idempotent:
 * running it twice changes nothing the second time. One transaction (a savepoint inside the
 * daily job's), so a sync that fails half-way records nothing and is run again.
 */
export async function syncOaFollowers(ctx: { db: Db; env: TEnv; now: () => Date }): Promise<TOaSyncStats> {
  const cfg = oaConfig(ctx.env);
  if (!cfg) return { followers: 0, linked: 0, left: 0 };
  return ctx.db.transaction((tx) => syncAll({ ...ctx, db: tx }, cfg));
}

async function syncAll(ctx: { db: Db; env: TEnv; now: () => Date }, cfg: TWechatConfig): Promise<TOaSyncStats> {
  const started = ctx.now();
  const seen = new Set<string>();
  const stats: TOaSyncStats = { followers: 0, linked: 0, left: 0 };
  let next = '';
  do {
    const page = await listOaFollowerPage(ctx.db, cfg, ctx.now, next);
    for (let i = 0; i < page.openids.length; i += BATCH) {
      for (const u of await fetchOaUsers(ctx.db, cfg, ctx.now, page.openids.slice(i, i + BATCH))) {
        seen.add(u.openid);
        await recordOaFollower(ctx.db, { openid: u.openid, unionid: u.unionid, following: u.following, at: ctx.now() });
        if (u.following) stats.followers++;
        if (u.following && u.unionid) stats.linked++;
      }
    }
    next = page.openids.length ? page.next : '';
  } while (next);
  for (const openid of await listFollowingOaOpenids(ctx.db, started)) {
    if (seen.has(openid)) continue;
    await recordOaFollower(ctx.db, { openid, unionid: null, following: false, at: ctx.now() });
    stats.left++;
  }
  return stats;
}

/** A China day's key (UTC+8): one follower sync a day, whichever instance schedules it first. */
function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}

/** The daily sync's timer key for the day of `at`. */
export const oaSyncJobKey = (at: Date) => `oa-follower-sync:${chinaDay(at)}`;
