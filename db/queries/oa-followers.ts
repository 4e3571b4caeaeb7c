import { and, desc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { oaFollowers, wechatIdentities } from '../schema';

/**
 * Records what WeChat said about one follower as of `at`: following or not, and the unionid when
 * it gave one (an unsubscribe carries none, so the known one is kept). Following again clears a
 * stale mark. An older report never overwrites a newer one (pushes can arrive out of order).
 */
export async function recordOaFollower(db: Db, v: { openid: string; unionid: string | null; following: boolean; at: Date }): Promise<boolean> {
  const r = await db
    .insert(oaFollowers)
    .values({ openid: v.openid, unionid: v.unionid, following: v.following, staleReason: null, changedAt: v.at })
    .onConflictDoUpdate({
      target: oaFollowers.openid,
      set: {
        unionid: sql`coalesce(excluded.unionid, ${oaFollowers.unionid})`,
        following: v.following,
        changedAt: v.at,
        ...(v.following ? { staleReason: null } : {}),
      },
      setWhere: lte(oaFollowers.changedAt, v.at),
    })
    .returning({ openid: oaFollowers.openid });
  return r.length > 0;
}

/** The template send found the link dead (43004 not following, 40003 no such openid): stop using it until they follow again. */
export async function markOaFollowerStale(db: Db, openid: string, reason: string, at: Date): Promise<void> {
  await db.update(oaFollowers).set({ staleReason: reason, changedAt: at }).where(eq(oaFollowers.openid, openid));
}

/**
 * The 公众号 openid that reaches a person: a follower whose unionid is the one their mini-program
 * sign-in (`appId`) carries, still following and not found stale.
 */
export async function findOaOpenidOfPerson(db: Db, personId: string, appId: string): Promise<string | null> {
  const [r] = await db
    .select({ openid: oaFollowers.openid })
    .from(wechatIdentities)
    .innerJoin(oaFollowers, eq(oaFollowers.unionid, wechatIdentities.unionid))
    .where(and(eq(wechatIdentities.personId, personId), eq(wechatIdentities.appId, appId), eq(oaFollowers.following, true), isNull(oaFollowers.staleReason)))
    .orderBy(desc(oaFollowers.changedAt))
    .limit(1);
  return r?.openid ?? null;
}

export async function findOaFollower(
  db: Db,
  openid: string,
): Promise<{ openid: string; unionid: string | null; following: boolean; staleReason: string | null; changedAt: Date } | null> {
  const [r] = await db.select().from(oaFollowers).where(eq(oaFollowers.openid, openid));
  return r ?? null;
}

/** Followers we counted as following as of before `before` (the sync marks those WeChat no longer lists). */
export async function listFollowingOaOpenids(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .select({ openid: oaFollowers.openid })
    .from(oaFollowers)
    .where(and(eq(oaFollowers.following, true), lt(oaFollowers.changedAt, before)));
  return rows.map((r) => r.openid);
}
