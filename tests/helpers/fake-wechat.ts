import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next call to an endpoint should fail, as WeChat does. */
export type TEndpoint = 'jscode2session' | 'stable_token' | 'subscribe_send' | 'wxacode' | 'msg_sec_check' | 'media_check_async';

export type TFault =
  | { errcode: number; errmsg?: string } // a documented error answer (HTTP 200 with errcode)
  | { httpStatus: number } // gateway failure
  | { delayMs: number } // hang (the client should time out)
  | { garbage: true }; // not JSON

export type TFakeWechat = {
  url: string;
  appId: string;
  appSecret: string;
  /** Queue a fault for the next call of `endpoint`. */
  failNext: (endpoint: TEndpoint, fault: TFault) => void;
  /** Make the current access token expired (sends then get 42001). */
  expireToken: () => void;
  /** Subscribe messages WeChat accepted, in order. */
  sent: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }[];
  tokens: { issued: number; forced: number };
  /** getwxacodeunlimit calls that produced an image, with the version they open */
  wxacodes: { scene: string; page: string; envVersion: 'release' | 'trial' | 'develop' }[];
  /** A fresh login code for the fake user `user` (the same user → the same openid). */
  codeFor: (user: string) => string;
  openidFor: (user: string) => string;
  calls: { endpoint: string; query: Record<string, string> }[];
  /** msg_sec_check requests answered (content, openid, verdict) */
  contentChecks: { content: string; openid: string; suggest: string; label: number }[];
  /** media_check_async requests accepted: WeChat answers them later by push */
  mediaChecks: { traceId: string; mediaUrl: string; openid: string }[];
  /** Where pushes go and the Token they are signed with (the mini-program console's 消息推送 settings). */
  setPush: (url: string, token: string) => void;
  /**
   * Does what WeChat does for a pending media check: downloads the photo from its URL, then
   * pushes {Event: 'wxa_media_check', trace_id, result} signed to the push URL. Returns the
   * download's status and bytes and the push's HTTP status. `timestamp` (unix seconds, default
   * now) signs as of another moment: a replayed or clock-skewed push.
   */
  finishMediaCheck: (
    traceId: string,
    suggest: 'pass' | 'review' | 'risky',
    label?: number,
    opts?: { badSignature?: boolean; timestamp?: number },
  ) => Promise<{ downloaded: number; bytes: Buffer; pushStatus: number }>;
  stop: () => Promise<void>;
};

/**
 * A loopback stand-in for api.weixin.qq.com that answers code2Session exactly as WeChat
 * documents it: `{openid, session_key, unionid?}` on success, `{errcode, errmsg}` on failure
 * (40029 invalid code, 40163 code been used, 45011 rate limit, 40226 high-risk user, -1 busy,
 * 40013 invalid appid, 40125 invalid secret). Codes are single-use. Also stable_token,
 * subscribeMessage.send (validating field limits: 47003) and getwxacodeunlimit (image bytes on
 * success, JSON errors: 40169 bad scene, 41030 bad page, 40097 an env_version other than release
 * (the default), trial or develop, 40001/42001 token), each able to fail
 * on demand through failNext. msg_sec_check v2 answers {result: {suggest, label}, detail, trace_id}:
 * text with 赌博/诈骗/违禁 is risky (20006), with 加微信/私聊 needs review (10001), else pass (100);
 * an openid that has not signed in gets 61010 (WeChat wants a visit in the last 2 hours).
 * Not WeChat: `GET /fake/login-code?user=NAME` answers {code, openid} as `codeFor` does, for a
 * person driving the fake by hand (`npm run fake-wechat`), who has no Taro.login to call.
 */
export async function startFakeWechat(opts: { appId?: string; appSecret?: string; port?: number } = {}): Promise<TFakeWechat> {
  const appId = opts.appId ?? 'wx-test-app';
  const appSecret = opts.appSecret ?? 'test-secret';
  const faults: Record<TEndpoint, TFault[]> = {
    jscode2session: [],
    stable_token: [],
    subscribe_send: [],
    wxacode: [],
    msg_sec_check: [],
    media_check_async: [],
  };
  const contentChecks: TFakeWechat['contentChecks'] = [];
  const mediaChecks: TFakeWechat['mediaChecks'] = [];
  let push = { url: '', token: '' };
  const visited = new Set<string>();
  const sent: TFakeWechat['sent'] = [];
  const wxacodes: TFakeWechat['wxacodes'] = [];
  const tokens = { issued: 0, forced: 0 };
  let current: { token: string; expired: boolean } | null = null;
  const retired = new Set<string>();
  const issued = new Map<string, string>(); // code → user
  const used = new Set<string>();
  const calls: TFakeWechat['calls'] = [];
  const openidFor = (user: string) => 'o' + createHash('sha256').update(`${appId}:${user}`).digest('base64url').slice(0, 27);
  const issue = (user: string) => {
    const code = randomBytes(12).toString('hex');
    issued.set(code, user);
    return code;
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(url.searchParams);
    const send = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/plain' }); // WeChat answers JSON as text/plain
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const endpoint: TEndpoint | null =
      url.pathname === '/sns/jscode2session'
        ? 'jscode2session'
        : url.pathname === '/cgi-bin/stable_token' && req.method === 'POST'
          ? 'stable_token'
          : url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST'
            ? 'subscribe_send'
            : url.pathname === '/wxa/getwxacodeunlimit' && req.method === 'POST'
              ? 'wxacode'
              : url.pathname === '/wxa/msg_sec_check' && req.method === 'POST'
                ? 'msg_sec_check'
                : url.pathname === '/wxa/media_check_async' && req.method === 'POST'
                  ? 'media_check_async'
                  : null;
    if (url.pathname === '/fake/login-code' && req.method === 'GET') {
      const user = query.user || 'villager';
      return send({ code: issue(user), openid: openidFor(user) });
    }
    if (!endpoint) return send({ errcode: 40066, errmsg: 'invalid url' });
    calls.push({ endpoint, query });
    const fault = faults[endpoint].shift();
    if (fault && 'delayMs' in fault) return void setTimeout(() => send({ errcode: -1, errmsg: 'system error' }), fault.delayMs);
    if (fault && 'httpStatus' in fault) return send('<html>bad gateway</html>', fault.httpStatus);
    if (fault && 'garbage' in fault) return send('<html>oops</html>');
    if (fault) return send({ errcode: fault.errcode, errmsg: fault.errmsg ?? 'fake fault' });
    let body: Record<string, unknown> = {};
    if (endpoint !== 'jscode2session') {
      try {
        body = JSON.parse(raw);
      } catch {
        return send({ errcode: 47001, errmsg: 'data format error' });
      }
    }
    if (endpoint === 'stable_token') {
      if (body.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.appid !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== appSecret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      // normal mode hands out the current token while valid; force_refresh always makes a new one
      if (!current || current.expired || body.force_refresh === true) {
        if (body.force_refresh === true) tokens.forced++;
        if (current) retired.add(current.token);
        current = { token: 'AT_' + randomBytes(16).toString('hex'), expired: false };
        tokens.issued++;
      }
      return send({ access_token: current.token, expires_in: 7200 });
    }
    if (endpoint === 'wxacode') {
      const token = query.access_token ?? '';
      if (retired.has(token) || (current && token === current.token && current.expired)) return send({ errcode: 42001, errmsg: 'access_token expired' });
      if (!current || token !== current.token) return send({ errcode: 40001, errmsg: 'invalid credential' });
      const scene = String(body.scene ?? '');
      if (!scene || scene.length > 32 || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(scene))
        return send({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' });
      if (typeof body.page !== 'string' || body.page.startsWith('/') || !/^[\w-]+(\/[\w-]+)*$/.test(body.page))
        return send({ errcode: 41030, errmsg: 'invalid page' });
      const envVersion = body.env_version ?? 'release';
      if (envVersion !== 'release' && envVersion !== 'trial' && envVersion !== 'develop') return send({ errcode: 40097, errmsg: 'invalid args' });
      wxacodes.push({ scene, page: body.page, envVersion });
      // a real (tiny) JPEG header followed by the scene, so tests can tell images apart
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      return res.end(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(scene), Buffer.from([0xff, 0xd9])]));
    }
    if (endpoint === 'media_check_async') {
      const token = query.access_token ?? '';
      if (retired.has(token) || (current && token === current.token && current.expired)) return send({ errcode: 42001, errmsg: 'access_token expired' });
      if (!current || token !== current.token) return send({ errcode: 40001, errmsg: 'invalid credential' });
      if (body.version !== 2 || body.media_type !== 2 || ![1, 2, 3, 4].includes(Number(body.scene))) return send({ errcode: 40097, errmsg: 'invalid args' });
      if (typeof body.media_url !== 'string' || !/^https?:\/\//.test(body.media_url)) return send({ errcode: 40097, errmsg: 'invalid media_url' });
      const openid = String(body.openid ?? '');
      if (!/^o[\w-]{27}$/.test(openid)) return send({ errcode: 40003, errmsg: 'invalid openid' });
      if (!visited.has(openid)) return send({ errcode: 61010, errmsg: 'user access is expired' });
      const traceId = 'trace-' + randomBytes(8).toString('hex');
      mediaChecks.push({ traceId, mediaUrl: body.media_url, openid });
      return send({ errcode: 0, errmsg: 'ok', trace_id: traceId });
    }
    if (endpoint === 'msg_sec_check') {
      const token = query.access_token ?? '';
      if (retired.has(token) || (current && token === current.token && current.expired)) return send({ errcode: 42001, errmsg: 'access_token expired' });
      if (!current || token !== current.token) return send({ errcode: 40001, errmsg: 'invalid credential' });
      const content = typeof body.content === 'string' ? body.content : '';
      if (!content) return send({ errcode: 44002, errmsg: 'empty post data' });
      if (body.version !== 2) return send({ errcode: 40097, errmsg: 'invalid args: version must be 2' });
      if (![1, 2, 3, 4].includes(Number(body.scene))) return send({ errcode: 40097, errmsg: 'invalid args: scene' });
      const openid = String(body.openid ?? '');
      if (!/^o[\w-]{27}$/.test(openid)) return send({ errcode: 40003, errmsg: 'invalid openid' });
      if (!visited.has(openid)) return send({ errcode: 61010, errmsg: 'user access is expired' });
      const text = `${String(body.title ?? '')}${content}`;
      const [suggest, label] = /赌博|诈骗|违禁/.test(text) ? ['risky', 20006] : /加微信|私聊/.test(text) ? ['review', 10001] : ['pass', 100];
      contentChecks.push({ content, openid, suggest, label });
      return send({
        errcode: 0,
        errmsg: 'ok',
        trace_id: 'trace-' + randomBytes(6).toString('hex'),
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
        result: { suggest, label },
      });
    }
    if (endpoint === 'subscribe_send') {
      const token = query.access_token ?? '';
      if (current && token === current.token && current.expired) return send({ errcode: 42001, errmsg: 'access_token expired' });
      if (retired.has(token)) return send({ errcode: 42001, errmsg: 'access_token expired' });
      if (!current || token !== current.token) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const msg = body as TFakeWechat['sent'][number];
      if (typeof msg.touser !== 'string' || !/^o[\w-]{27}$/.test(msg.touser)) return send({ errcode: 40003, errmsg: 'invalid openid' });
      if (typeof msg.template_id !== 'string' || !msg.template_id) return send({ errcode: 40037, errmsg: 'invalid template_id' });
      if (msg.page !== undefined && !/^[\w-]+(\/[\w-]+)*(\?.*)?$/.test(msg.page)) return send({ errcode: 41030, errmsg: 'invalid page' });
      const bad = invalidField(msg.data);
      if (bad) return send({ errcode: 47003, errmsg: `argument invalid! data.${bad}` });
      sent.push(msg);
      return send({ errcode: 0, errmsg: 'ok', msgid: sent.length });
    }
    if (query.appid !== appId) return send({ errcode: 40013, errmsg: 'invalid appid' });
    if (query.secret !== appSecret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (query.grant_type !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
    const code = query.js_code ?? '';
    const user = issued.get(code);
    if (!user) return send({ errcode: 40029, errmsg: 'invalid code' });
    if (used.has(code)) return send({ errcode: 40163, errmsg: 'code been used' });
    used.add(code);
    visited.add(openidFor(user));
    return send({ session_key: randomBytes(16).toString('base64'), openid: openidFor(user) });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    calls,
    contentChecks,
    mediaChecks,
    setPush: (url, token) => {
      push = { url, token };
    },
    finishMediaCheck: async (traceId, suggest, label = suggest === 'pass' ? 100 : 20002, opts = {}) => {
      const check = mediaChecks.find((c) => c.traceId === traceId);
      if (!check) throw new Error(`no media check ${traceId}`);
      const img = await fetch(check.mediaUrl);
      const bytes = Buffer.from(await img.arrayBuffer());
      const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
      const nonce = randomBytes(6).toString('hex');
      const signature = opts.badSignature ? '0'.repeat(40) : createHash('sha1').update([push.token, timestamp, nonce].sort().join('')).digest('hex');
      const res = await fetch(`${push.url}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ToUserName: 'gh_fake',
          FromUserName: check.openid,
          CreateTime: Number(timestamp),
          MsgType: 'event',
          Event: 'wxa_media_check',
          appid: appId,
          trace_id: traceId,
          version: 2,
          errcode: 0,
          errmsg: 'ok',
          detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
          result: { suggest, label },
        }),
      });
      await res.text();
      return { downloaded: img.status, bytes, pushStatus: res.status };
    },
    sent,
    tokens,
    wxacodes,
    openidFor,
    failNext: (endpoint, fault) => faults[endpoint].push(fault),
    expireToken: () => {
      if (current) current.expired = true;
    },
    codeFor: issue,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}

/** WeChat's documented value limits per field type; returns the offending "key.value" or null. */
export function invalidField(data: unknown): string | null {
  if (!data || typeof data !== 'object') return 'data';
  for (const [key, v] of Object.entries(data as Record<string, { value?: unknown }>)) {
    const value = v?.value;
    if (typeof value !== 'string' || value.length === 0) return `${key}.value`;
    const len = [...value].length;
    const kind = key.replace(/\d+$/, '');
    const ok =
      kind === 'thing'
        ? len <= 20
        : kind === 'phrase'
          ? len <= 5 && /^\p{Script=Han}+$/u.test(value)
          : kind === 'name'
            ? len <= 10
            : kind === 'character_string'
              ? len <= 32 && /^[\x21-\x7e]+$/.test(value)
              : kind === 'number'
                ? len <= 32 && /^[\d.]+$/.test(value)
                : kind === 'letter'
                  ? len <= 32 && /^[A-Za-z]+$/.test(value)
                  : kind === 'time'
                    ? /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value)
                    : kind === 'date'
                      ? /^\d{4}-\d{2}-\d{2}$/.test(value)
                      : kind === 'phone_number'
                        ? len <= 17 && /^[\d+-]+$/.test(value)
                        : kind === 'amount'
                          ? /^-?\d+(\.\d{1,2})?元?$/.test(value)
                          : kind === 'car_number'
                            ? len <= 8
                            : false;
    if (!ok) return `${key}.value`;
  }
  return null;
}
