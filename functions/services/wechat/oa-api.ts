import type { Db } from '../../../db/client';
import type { TEnv } from '../../runtime/env';
import { oaEnabled } from '../../runtime/env';
import { getAccessToken } from './access-token';
import { callWechat, WechatCallError, type TWechatFailure } from './call';
import type { TWechatConfig } from './code2session';

/**
 * The 公众号's own credentials: its access token comes from the same stable_token endpoint but
 * for its app id, so it is cached in its own `wechat_tokens` row beside the mini-program's.
 * Null when the 公众号 is not configured.
 */
export function oaConfig(env: TEnv): TWechatConfig | null {
  if (!oaEnabled(env)) return null;
  return { appId: env.WECHAT_OA_APP_ID!, appSecret: env.WECHAT_OA_APP_SECRET!, apiBase: env.WECHAT_API_BASE, timeoutMs: env.WECHAT_TIMEOUT_MS };
}

/** 模板消息 (POST /cgi-bin/message/template/send); the card opens `miniprogram.pagepath` in the mini-program. */
export type TOaTemplateMessage = {
  touser: string;
  template_id: string;
  miniprogram?: { appid: string; pagepath: string };
  data: Record<string, { value: string }>;
};

/**
 * WeChat's documented template/send errors → what we do. 43004 (the person does not follow the
 * 公众号) and 40003 (no such openid under it) say the link is stale: `refused`, with the errcode.
 * 43101 (they turned the account's messages off) refuses this message only. Bad data, template
 * id or page cannot be cured by retrying; -1 (busy), 45009 (rate) and the unknown are retried.
 */
export function classifyOaSendError(errcode: number, errmsg: string): TWechatFailure {
  const reason = `errcode ${errcode}: ${errmsg}`;
  if (errcode === 40001 || errcode === 42001) return { kind: 'token', reason };
  if (errcode === 43004 || errcode === 40003 || errcode === 43101) return { kind: 'refused', reason };
  if ([40037, 47003, 40165, 41030, 40036, 40125, 40013].includes(errcode)) return { kind: 'permanent', errcode, reason };
  return { kind: 'retry', reason };
}

/** The errcode of a refusal, when the person's follow link itself is stale (43004, 40003). */
export function staleLinkErrcode(f: TWechatFailure): number | null {
  const m = f.kind === 'refused' ? /^errcode (43004|40003):/.exec(f.reason) : null;
  return m ? Number(m[1]) : null;
}

/**
 * One authenticated call with the 公众号's shared token; an invalid or expired token
 * (40001/42001) is refreshed once and the call made again. Returns the answer (errcode 0 or
 * absent), else throws WechatCallError as `classify` says.
 */
async function oaCall(
  db: Db,
  cfg: TWechatConfig,
  now: () => Date,
  path: string,
  init: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown },
  classify: (errcode: number, errmsg: string) => TWechatFailure,
): Promise<Record<string, unknown>> {
  const once = async (token: string) => {
    const url = new URL(path, cfg.apiBase);
    url.search = new URLSearchParams({ access_token: token, ...init.query }).toString();
    const r = await callWechat(url, { method: init.method, body: init.body, timeoutMs: cfg.timeoutMs });
    const errcode = typeof r.errcode === 'number' ? r.errcode : 0;
    if (errcode !== 0) throw new WechatCallError(classify(errcode, String(r.errmsg ?? '')));
    return r;
  };
  const token = await getAccessToken(db, cfg, now());
  try {
    return await once(token);
  } catch (e) {
    if (!(e instanceof WechatCallError) || e.failure.kind !== 'token') throw e;
    try {
      return await once(await getAccessToken(db, cfg, now(), token));
    } catch (e2) {
      if (e2 instanceof WechatCallError && e2.failure.kind === 'token') throw new WechatCallError({ kind: 'retry', reason: e2.failure.reason });
      throw e2;
    }
  }
}

/** Sends one template message. Throws WechatCallError (classifyOaSendError) when WeChat did not take it. */
export async function sendOaTemplate(db: Db, cfg: TWechatConfig, now: () => Date, msg: TOaTemplateMessage): Promise<void> {
  await oaCall(db, cfg, now, '/cgi-bin/message/template/send', { method: 'POST', body: msg }, classifyOaSendError);
}

/** A follower as user/info answers: `subscribe` false for someone who no longer follows (no unionid then). */
export type TOaUser = { openid: string; following: boolean; unionid: string | null };

const userFailure = (errcode: number, errmsg: string): TWechatFailure => {
  const reason = `errcode ${errcode}: ${errmsg}`;
  if (errcode === 40001 || errcode === 42001) return { kind: 'token', reason };
  if (errcode === 40003) return { kind: 'permanent', errcode, reason };
  return { kind: 'retry', reason };
};

function toUser(r: Record<string, unknown>, openid: string): TOaUser {
  return {
    openid: typeof r.openid === 'string' && r.openid ? r.openid : openid,
    following: r.subscribe === 1,
    unionid: typeof r.unionid === 'string' && r.unionid ? r.unionid : null,
  };
}

/** 获取用户基本信息 (GET /cgi-bin/user/info?openid=…&lang=zh_CN): whether they follow, and their unionid. */
export async function fetchOaUser(db: Db, cfg: TWechatConfig, now: () => Date, openid: string): Promise<TOaUser> {
  const r = await oaCall(db, cfg, now, '/cgi-bin/user/info', { method: 'GET', query: { openid, lang: 'zh_CN' } }, userFailure);
  return toUser(r, openid);
}

/** 批量获取用户基本信息 (POST /cgi-bin/user/info/batchget): at most 100 openids a call. */
export async function fetchOaUsers(db: Db, cfg: TWechatConfig, now: () => Date, openids: string[]): Promise<TOaUser[]> {
  if (openids.length === 0) return [];
  if (openids.length > 100) throw new Error('user/info/batchget takes at most 100 openids');
  const r = await oaCall(
    db,
    cfg,
    now,
    '/cgi-bin/user/info/batchget',
    { method: 'POST', body: { user_list: openids.map((openid) => ({ openid, lang: 'zh_CN' })) } },
    userFailure,
  );
  const list = Array.isArray(r.user_info_list) ? (r.user_info_list as Record<string, unknown>[]) : [];
  return list.filter((u) => typeof u.openid === 'string').map((u) => toUser(u, String(u.openid)));
}

/** 获取用户列表 (GET /cgi-bin/user/get): up to 10 000 follower openids a page; `next` is empty after the last. */
export async function listOaFollowerPage(db: Db, cfg: TWechatConfig, now: () => Date, nextOpenid: string): Promise<{ openids: string[]; next: string }> {
  const r = await oaCall(db, cfg, now, '/cgi-bin/user/get', { method: 'GET', query: nextOpenid ? { next_openid: nextOpenid } : {} }, userFailure);
  const data = (r.data ?? {}) as { openid?: unknown };
  const openids = Array.isArray(data.openid) ? data.openid.filter((o): o is string => typeof o === 'string') : [];
  const count = typeof r.count === 'number' ? r.count : openids.length;
  return { openids, next: count > 0 && typeof r.next_openid === 'string' ? r.next_openid : '' };
}
