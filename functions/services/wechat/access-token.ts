import type { Db } from '../../../db/client';
import { claimForceRefresh, findWechatToken, saveWechatToken } from '../../../db/queries/wechat-tokens';
import type { TWechatConfig } from './code2session';
import { fetchStableToken } from './stable-token';

/** Renew this long before WeChat's expiry, so no call goes out with a dying token. */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;
/** At most one force_refresh per this interval across all instances (WeChat limits them). */
export const FORCE_REFRESH_MIN_INTERVAL_MS = 60_000;

/**
 * The shared access token: cached in the database for every instance, renewed before expiry;
 * after WeChat rejected `rejected` (40001/42001) a force_refresh is made, rate-limited.
 */
export async function getAccessToken(db: Db, cfg: TWechatConfig, now: Date, rejected?: string): Promise<string> {
  const row = await findWechatToken(db, cfg.appId);
  const fresh = row && row.expiresAt.getTime() - TOKEN_RENEW_MARGIN_MS > now.getTime();
  if (fresh && row.accessToken !== rejected) return row.accessToken;
  const force = rejected !== undefined && (await claimForceRefresh(db, cfg.appId, now, FORCE_REFRESH_MIN_INTERVAL_MS));
  const t = await fetchStableToken(cfg, force);
  await saveWechatToken(db, cfg.appId, t.accessToken, new Date(now.getTime() + t.expiresInS * 1000), now);
  return t.accessToken;
}
