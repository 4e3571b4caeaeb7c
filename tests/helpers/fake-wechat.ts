import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next call to an endpoint should fail, as WeChat does. */
export type TFault =
  | { errcode: number; errmsg?: string } // a documented error answer (HTTP 200 with errcode)
  | { httpStatus: number } // gateway failure
  | { delayMs: number } // hang (the client should time out)
  | { garbage: true }; // not JSON

export type TFakeWechat = {
  url: string;
  appId: string;
  appSecret: string;
  /** Queue a fault for the next call of `endpoint` ('jscode2session'). */
  failNext: (endpoint: 'jscode2session', fault: TFault) => void;
  /** A fresh login code for the fake user `user` (the same user → the same openid). */
  codeFor: (user: string) => string;
  openidFor: (user: string) => string;
  calls: { endpoint: string; query: Record<string, string> }[];
  stop: () => Promise<void>;
};

/**
 * A loopback stand-in for api.weixin.qq.com that answers code2Session exactly as WeChat
 * documents it: `{openid, session_key, unionid?}` on success, `{errcode, errmsg}` on failure
 * (40029 invalid code, 40163 code been used, 45011 rate limit, 40226 high-risk user, -1 busy,
 * 40013 invalid appid, 40125 invalid secret). Codes are single-use.
 */
export async function startFakeWechat(opts: { appId?: string; appSecret?: string; port?: number } = {}): Promise<TFakeWechat> {
  const appId = opts.appId ?? 'wx-test-app';
  const appSecret = opts.appSecret ?? 'test-secret';
  const faults: Record<string, TFault[]> = { jscode2session: [] };
  const issued = new Map<string, string>(); // code → user
  const used = new Set<string>();
  const calls: TFakeWechat['calls'] = [];
  const openidFor = (user: string) => 'o' + createHash('sha256').update(`${appId}:${user}`).digest('base64url').slice(0, 27);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const send = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/plain' }); // WeChat answers JSON as text/plain
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') return send({ errcode: 40066, errmsg: 'invalid url' });
    calls.push({ endpoint: 'jscode2session', query });
    const fault = faults.jscode2session.shift();
    if (fault && 'delayMs' in fault) return void setTimeout(() => send({ errcode: -1, errmsg: 'system error' }), fault.delayMs);
    if (fault && 'httpStatus' in fault) return send('<html>bad gateway</html>', fault.httpStatus);
    if (fault && 'garbage' in fault) return send('<html>oops</html>');
    if (fault) return send({ errcode: fault.errcode, errmsg: fault.errmsg ?? 'fake fault' });
    if (query.appid !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' });
    if (query.secret !== appSecret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (query.grant_type !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
    const code = query.js_code ?? '';
    const user = issued.get(code);
    if (!user) return send({ errcode: 40029, errmsg: 'invalid code' });
    if (used.has(code)) return send({ errcode: 40163, errmsg: 'code been used' });
    used.add(code);
    return send({ session_key: randomBytes(16).toString('base64'), openid: openidFor(user) });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    calls,
    openidFor,
    failNext: (endpoint, fault) => faults[endpoint].push(fault),
    codeFor: (user) => {
      const code = randomBytes(12).toString('hex');
      issued.set(code, user);
      return code;
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
