import type { Db } from '../../../db/client';
import { getAccessToken } from './access-token';
import { callWechat, WechatCallError } from './call';
import type { TWechatConfig } from './code2session';
import type { TContentCheck } from '../../../shared/domain/market';

export type TContentVerdict = { suggest: TContentCheck; label: number | null; traceId: string | null; reason: string | null };

async function checkOnce(cfg: TWechatConfig, token: string, body: Record<string, unknown>): Promise<TContentVerdict | 'token'> {
  const url = new URL('/wxa/msg_sec_check', cfg.apiBase);
  url.searchParams.set('access_token', token);
  const r = await callWechat(url, { method: 'POST', body, timeoutMs: cfg.timeoutMs });
  const errcode = typeof r.errcode === 'number' ? r.errcode : 0;
  if (errcode === 40001 || errcode === 42001) return 'token';
  if (errcode !== 0) {
    // 61010: the user has not opened the app in the last 2 hours; 40003: unknown openid; -1 busy
    return { suggest: 'unchecked', label: null, traceId: null, reason: `errcode ${errcode}: ${String(r.errmsg ?? '')}` };
  }
  const result = (r.result ?? {}) as { suggest?: string; label?: number };
  const suggest = result.suggest === 'risky' || result.suggest === 'review' || result.suggest === 'pass' ? result.suggest : 'review';
  return { suggest, label: typeof result.label === 'number' ? result.label : null, traceId: typeof r.trace_id === 'string' ? r.trace_id : null, reason: null };
}

/**
 * 内容安全 msg_sec_check v2 for text a user posts (scene 1: 资料). Never throws: when WeChat
 * cannot be asked (no openid, busy, timeout) the verdict is 'unchecked' and a person reviews it,
 * which is what happens to every post anyway. An invalid token is refreshed once.
 */
export async function checkText(
  db: Db,
  cfg: TWechatConfig,
  now: () => Date,
  input: { openid: string | null; content: string; title?: string },
): Promise<TContentVerdict> {
  if (!input.openid) return { suggest: 'unchecked', label: null, traceId: null, reason: 'no WeChat openid' };
  const body = { content: input.content, version: 2, scene: 1, openid: input.openid, title: input.title };
  try {
    const token = await getAccessToken(db, cfg, now());
    const first = await checkOnce(cfg, token, body);
    if (first !== 'token') return first;
    const again = await checkOnce(cfg, await getAccessToken(db, cfg, now(), token), body);
    return again === 'token' ? { suggest: 'unchecked', label: null, traceId: null, reason: 'token refused twice' } : again;
  } catch (e) {
    return { suggest: 'unchecked', label: null, traceId: null, reason: e instanceof WechatCallError ? e.failure.reason : String(e) };
  }
}
