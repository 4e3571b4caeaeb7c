import type { Db } from '../../../db/client';
import { getAccessToken } from './access-token';
import { callWechat, WechatCallError } from './call';
import type { TWechatConfig } from './code2session';

/**
 * media_check_async v2 for a photo at a public URL: WeChat answers with a trace_id now and the
 * verdict later through the message push (event wxa_media_check). Returns the trace id, or null
 * when WeChat could not be asked (then the reviewer's eyes are the check). Token refreshed once.
 */
export async function startMediaCheck(db: Db, cfg: TWechatConfig, now: () => Date, input: { openid: string; mediaUrl: string }): Promise<string | null> {
  const body = { media_url: input.mediaUrl, media_type: 2, version: 2, scene: 1, openid: input.openid };
  const once = async (token: string) => {
    const url = new URL('/wxa/media_check_async', cfg.apiBase);
    url.searchParams.set('access_token', token);
    return callWechat(url, { method: 'POST', body, timeoutMs: cfg.timeoutMs });
  };
  try {
    const token = await getAccessToken(db, cfg, now());
    let r = await once(token);
    if (r.errcode === 40001 || r.errcode === 42001) r = await once(await getAccessToken(db, cfg, now(), token));
    return r.errcode === 0 && typeof r.trace_id === 'string' ? r.trace_id : null;
  } catch (e) {
    if (e instanceof WechatCallError) return null;
    throw e;
  }
}
