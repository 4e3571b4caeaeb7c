import type { Db } from '../../../db/client';
import { getAccessToken } from './access-token';
import { callWechat, WechatCallError, type TWechatFailure } from './call';
import type { TWechatConfig } from './code2session';

export type TSubscribeMessage = {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'developer' | 'trial' | 'formal';
  lang: 'zh_CN';
};

/** WeChat's documented subscribeMessage.send errors → what we do about them. */
export function classifySendError(errcode: number, errmsg: string): TWechatFailure {
  const reason = `errcode ${errcode}: ${errmsg}`;
  if (errcode === 43101) return { kind: 'refused', reason };
  if (errcode === 40001 || errcode === 42001) return { kind: 'token', reason };
  // 47003 bad data, 40003 bad openid, 41030 bad page, 40037 bad template id: retrying cannot help
  if ([47003, 40003, 41030, 40037].includes(errcode)) return { kind: 'permanent', errcode, reason };
  return { kind: 'retry', reason }; // -1 busy and anything undocumented
}

async function sendOnce(cfg: TWechatConfig, token: string, msg: TSubscribeMessage): Promise<void> {
  const url = new URL('/cgi-bin/message/subscribe/send', cfg.apiBase);
  url.searchParams.set('access_token', token);
  const body = await callWechat(url, { method: 'POST', body: msg, timeoutMs: cfg.timeoutMs });
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  if (errcode !== 0) throw new WechatCallError(classifySendError(errcode, String(body.errmsg ?? '')));
}

/**
 * subscribeMessage.send with the shared token; an invalid/expired token (40001/42001) is
 * refreshed once and the send retried once. Throws WechatCallError on failure.
 */
export async function sendSubscribeMessage(db: Db, cfg: TWechatConfig, now: () => Date, msg: TSubscribeMessage): Promise<void> {
  const token = await getAccessToken(db, cfg, now());
  try {
    await sendOnce(cfg, token, msg);
  } catch (e) {
    if (!(e instanceof WechatCallError) || e.failure.kind !== 'token') throw e;
    const renewed = await getAccessToken(db, cfg, now(), token);
    try {
      await sendOnce(cfg, renewed, msg);
    } catch (e2) {
      if (e2 instanceof WechatCallError && e2.failure.kind === 'token') throw new WechatCallError({ kind: 'retry', reason: e2.failure.reason });
      throw e2;
    }
  }
}
