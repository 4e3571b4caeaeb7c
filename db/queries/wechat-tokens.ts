import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../client';
import { wechatTokens } from '../schema';

export async function findWechatToken(db: Db, appId: string): Promise<{ accessToken: string; expiresAt: Date } | null> {
  const [r] = await db
    .select({ accessToken: wechatTokens.accessToken, expiresAt: wechatTokens.expiresAt })
    .from(wechatTokens)
    .where(eq(wechatTokens.appId, appId));
  return r ?? null;
}

export async function saveWechatToken(db: Db, appId: string, accessToken: string, expiresAt: Date, at: Date): Promise<void> {
  await db
    .insert(wechatTokens)
    .values({ appId, accessToken, expiresAt, refreshedAt: at })
    .onConflictDoUpdate({ target: wechatTokens.appId, set: { accessToken, expiresAt, refreshedAt: at } });
}

/**
 * Takes the right to force-refresh: true for exactly one caller per `minIntervalMs`, across
 * all instances (a conditional update on the shared row).
 */
export async function claimForceRefresh(db: Db, appId: string, at: Date, minIntervalMs: number): Promise<boolean> {
  const r = await db
    .update(wechatTokens)
    .set({ lastForceRefreshAt: at })
    .where(
      and(
        eq(wechatTokens.appId, appId),
        or(isNull(wechatTokens.lastForceRefreshAt), lt(wechatTokens.lastForceRefreshAt, new Date(at.getTime() - minIntervalMs))),
      ),
    )
    .returning({ appId: wechatTokens.appId });
  return r.length === 1;
}
