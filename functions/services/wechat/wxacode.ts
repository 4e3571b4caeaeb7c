import type { Db } from '../../../db/client';
import { getAccessToken } from './access-token';
import { WechatCallError } from './call';
import type { TWechatConfig } from './code2session';
import type { TWxaEnvVersion } from '../../../shared/domain/bin-report';

export type TWxaCodeRequest = { scene: string; page: string; envVersion: TWxaEnvVersion; width?: number };

async function callOnce(cfg: TWechatConfig, token: string, req: TWxaCodeRequest): Promise<{ contentType: string; bytes: Buffer }> {
  const url = new URL('/wxa/getwxacodeunlimit', cfg.apiBase);
  url.searchParams.set('access_token', token);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // check_path false: the page must exist in the released build only when true; pages are ours
      body: JSON.stringify({ scene: req.scene, page: req.page, check_path: false, env_version: req.envVersion, width: req.width ?? 430 }),
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
  } catch (e) {
    throw new WechatCallError({ kind: 'retry', reason: `network: ${e instanceof Error ? e.name : String(e)}` });
  }
  if (!res.ok) throw new WechatCallError({ kind: 'retry', reason: `HTTP ${res.status}` });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  // success is image bytes; failure is a JSON body (sometimes labelled text/plain)
  if (type.includes('json') || bytes[0] === 0x7b /* { */) {
    let body: { errcode?: number; errmsg?: string } = {};
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new WechatCallError({ kind: 'retry', reason: 'unreadable answer' });
    }
    const errcode = body.errcode ?? -1;
    const reason = `errcode ${errcode}: ${body.errmsg ?? ''}`;
    if (errcode === 40001 || errcode === 42001) throw new WechatCallError({ kind: 'token', reason });
    if (errcode === -1 || errcode === 45009) throw new WechatCallError({ kind: 'retry', reason });
    throw new WechatCallError({ kind: 'permanent', errcode, reason });
  }
  return { contentType: type.startsWith('image/') ? type : 'image/jpeg', bytes };
}

/**
 * getwxacodeunlimit: a mini-program code opening `page` with `scene` (≤32 chars). Image bytes
 * on success, JSON on error — both handled; an invalid token is refreshed once.
 */
export async function fetchWxaCode(db: Db, cfg: TWechatConfig, now: () => Date, req: TWxaCodeRequest) {
  const token = await getAccessToken(db, cfg, now());
  try {
    return await callOnce(cfg, token, req);
  } catch (e) {
    if (!(e instanceof WechatCallError) || e.failure.kind !== 'token') throw e;
    return callOnce(cfg, await getAccessToken(db, cfg, now(), token), req);
  }
}
