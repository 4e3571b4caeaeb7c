import { callWechat, WechatCallError } from './call';
import type { TWechatConfig } from './code2session';

/**
 * getStableAccessToken (POST /cgi-bin/stable_token). Without force_refresh WeChat returns
 * the same token to every caller until it nears expiry, so concurrent instances agree.
 */
export async function fetchStableToken(cfg: TWechatConfig, forceRefresh: boolean): Promise<{ accessToken: string; expiresInS: number }> {
  const body = await callWechat(new URL('/cgi-bin/stable_token', cfg.apiBase), {
    method: 'POST',
    timeoutMs: cfg.timeoutMs,
    body: { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret, force_refresh: forceRefresh },
  });
  if (typeof body.access_token === 'string' && body.access_token && typeof body.expires_in === 'number') {
    return { accessToken: body.access_token, expiresInS: body.expires_in };
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  // 40013 bad appid / 40125 bad secret / 40164 IP not allowed are configuration errors, but a
  // token outage must not lose notifications: they stay queued and retry with backoff
  throw new WechatCallError({ kind: 'retry', reason: `stable_token errcode ${errcode}: ${String(body.errmsg ?? '')}` });
}
