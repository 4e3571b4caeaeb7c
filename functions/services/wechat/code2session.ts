import { AppError } from '../../../shared/errors';

export type TWechatConfig = { appId: string; appSecret: string; apiBase: string; timeoutMs: number };
export type TCode2Session = { openid: string; unionid: string | null };

/**
 * code2Session (GET /sns/jscode2session). Returns the openid; the session_key in the
 * answer is dropped here, so it is never returned, logged or stored.
 */
export async function code2Session(cfg: TWechatConfig, code: string): Promise<TCode2Session> {
  const url = new URL('/sns/jscode2session', cfg.apiBase);
  url.search = new URLSearchParams({ appid: cfg.appId, secret: cfg.appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
  let body: { openid?: unknown; unionid?: unknown; errcode?: unknown; errmsg?: unknown };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(cfg.timeoutMs) });
    if (!res.ok) throw new AppError('WECHAT_UNAVAILABLE', { cause: new Error(`code2Session HTTP ${res.status}`) });
    body = (await res.json()) as typeof body;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('WECHAT_UNAVAILABLE', { cause: e });
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  if (errcode === 0 && typeof body.openid === 'string' && body.openid) {
    return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : null };
  }
  throw new AppError(wechatLoginError(errcode), { cause: new Error(`code2Session errcode ${errcode}: ${String(body.errmsg)}`) });
}

/** WeChat's documented code2Session errors → our error table. */
export function wechatLoginError(errcode: number) {
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code been used
      return 'WECHAT_CODE_INVALID' as const;
    case 45011: // frequency limit
      return 'WECHAT_RATE_LIMITED' as const;
    case 40226: // high-risk user, blocked by WeChat
      return 'WECHAT_USER_BLOCKED' as const;
    default: // -1 system busy, bad appid/secret, anything undocumented
      return 'WECHAT_UNAVAILABLE' as const;
  }
}
