import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next call to an endpoint should fail, as WeChat does. */
export type TEndpoint =
  | 'jscode2session'
  | 'stable_token'
  | 'subscribe_send'
  | 'wxacode'
  | 'msg_sec_check'
  | 'media_check_async'
  | 'oa_template_send'
  | 'oa_user_info'
  | 'oa_user_batchget'
  | 'oa_user_get';

/** A 公众号 template message WeChat accepted. */
export type TOaSent = {
  touser: string;
  template_id: string;
  miniprogram?: { appid: string; pagepath: string };
  url?: string;
  data: Record<string, { value: string }>;
};

/** How a push reaches the 公众号's 服务器配置 URL: plaintext (明文模式) or encrypted (安全模式). */
export type TOaPushOpts = { mode?: 'plain' | 'safe'; badSignature?: boolean; badMsgSignature?: boolean; timestamp?: number; forAppId?: string };

/** The 公众号 (service account) side of the fake: its own app id, secret, token, followers and pushes. */
export type TFakeOa = {
  appId: string;
  appSecret: string;
  /** Template messages WeChat accepted, in order. */
  sent: TOaSent[];
  tokens: { issued: number; forced: number };
  /** The follower's openid under the 公众号 for the fake user `user` (not the mini-program's). */
  openidFor: (user: string) => string;
  /** Followers, by openid, as WeChat knows them. */
  followers: Map<string, { unionid: string | null; following: boolean; since: number }>;
  /** 服务器配置: where event pushes go, the Token, and the EncodingAESKey (安全模式). */
  setPush: (url: string, token: string, aesKey?: string) => void;
  /** `user/get` page size (WeChat's is 10 000), smaller to test paging. */
  setPageSize: (n: number) => void;
  /** Someone follows: WeChat records them and pushes the signed subscribe event; `push: false` follows silently (before the URL was set). */
  follow: (openid: string, unionid: string | null, opts?: TOaPushOpts & { push?: boolean }) => Promise<{ status: number; text: string } | null>;
  unfollow: (openid: string, opts?: TOaPushOpts & { push?: boolean }) => Promise<{ status: number; text: string } | null>;
  /** Sends any XML event (already built) to the push URL, signed as WeChat does. */
  pushXml: (xml: string, openid: string, opts?: TOaPushOpts) => Promise<{ status: number; text: string }>;
  expireToken: () => void;
};

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
  /** The 公众号 sharing the mini-program's open-platform account. */
  oa: TFakeOa;
  /** The unionid of fake user `user`, the same under the mini-program and the 公众号. */
  unionidFor: (user: string) => string;
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
 * The 公众号 (`oa`, its own app id, secret and access token): template/send (43004 to someone who
 * does not follow, 40003 to an unknown openid, 40037 bad template id, 40166/40165 a mini-program
 * appid or pagepath that is not the bound app's, 47003 bad data, 40001/42001 token), user/info,
 * user/info/batchget (≤100) and user/get (paged by next_openid); `oa.follow`/`oa.unfollow`
 * push the signed subscribe/unsubscribe XML to the 服务器配置 URL in plaintext or 安全模式.
 * code2Session answers the unionid the 公众号 shares (one open-platform account) unless
 * `openPlatform: false`.
 * Not WeChat: `GET /fake/login-code?user=NAME` answers {code, openid} as `codeFor` does, for a
 * person driving the fake by hand (`npm run fake-wechat`), who has no Taro.login to call;
 * `GET /fake/oa-follow?user=NAME` (and `oa-unfollow`) has that user follow the 公众号 (the push goes
 * to the URL `oa.setPush` set) and `GET /fake/oa-sent` lists the template messages received.
 */
export async function startFakeWechat(
  opts: { appId?: string; appSecret?: string; oaAppId?: string; oaAppSecret?: string; openPlatform?: boolean; port?: number } = {},
): Promise<TFakeWechat> {
  const appId = opts.appId ?? 'wx-test-app';
  const appSecret = opts.appSecret ?? 'test-secret';
  const oaAppId = opts.oaAppId ?? 'wx-test-oa';
  const oaAppSecret = opts.oaAppSecret ?? 'test-oa-secret';
  // both apps bound to one open-platform account: code2Session answers the unionid too
  const openPlatform = opts.openPlatform ?? true;
  const faults: Record<TEndpoint, TFault[]> = {
    jscode2session: [],
    stable_token: [],
    subscribe_send: [],
    wxacode: [],
    msg_sec_check: [],
    media_check_async: [],
    oa_template_send: [],
    oa_user_info: [],
    oa_user_batchget: [],
    oa_user_get: [],
  };
  const oaSent: TOaSent[] = [];
  const oaTokens = { issued: 0, forced: 0 };
  let oaCurrent: { token: string; expired: boolean } | null = null;
  const oaRetired = new Set<string>();
  const followers: TFakeOa['followers'] = new Map();
  let oaPush = { url: '', token: '', aesKey: '' };
  let oaPageSize = 10_000;
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
  const oaOpenidFor = (user: string) => 'o' + createHash('sha256').update(`${oaAppId}:${user}`).digest('base64url').slice(0, 27);
  const unionidFor = (user: string) => 'o' + createHash('sha256').update(`open-platform:${user}`).digest('base64url').slice(0, 27);
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
                  : url.pathname === '/cgi-bin/message/template/send' && req.method === 'POST'
                    ? 'oa_template_send'
                    : url.pathname === '/cgi-bin/user/info' && req.method === 'GET'
                      ? 'oa_user_info'
                      : url.pathname === '/cgi-bin/user/info/batchget' && req.method === 'POST'
                        ? 'oa_user_batchget'
                        : url.pathname === '/cgi-bin/user/get' && req.method === 'GET'
                          ? 'oa_user_get'
                          : null;
    if (url.pathname === '/fake/login-code' && req.method === 'GET') {
      const user = query.user || 'villager';
      return send({ code: issue(user), openid: openidFor(user) });
    }
    if ((url.pathname === '/fake/oa-follow' || url.pathname === '/fake/oa-unfollow') && req.method === 'GET') {
      const user = query.user || 'villager';
      const openid = oaOpenidFor(user);
      try {
        const push = url.pathname === '/fake/oa-follow' ? await oa.follow(openid, unionidFor(user)) : await oa.unfollow(openid);
        return send({ openid, unionid: unionidFor(user), push });
      } catch (e) {
        return send({ openid, error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (url.pathname === '/fake/oa-sent' && req.method === 'GET') return send({ sent: oaSent });
    if (!endpoint) return send({ errcode: 40066, errmsg: 'invalid url' });
    calls.push({ endpoint, query });
    const fault = faults[endpoint].shift();
    if (fault && 'delayMs' in fault) return void setTimeout(() => send({ errcode: -1, errmsg: 'system error' }), fault.delayMs);
    if (fault && 'httpStatus' in fault) return send('<html>bad gateway</html>', fault.httpStatus);
    if (fault && 'garbage' in fault) return send('<html>oops</html>');
    if (fault) return send({ errcode: fault.errcode, errmsg: fault.errmsg ?? 'fake fault' });
    let body: Record<string, unknown> = {};
    if (endpoint !== 'jscode2session' && req.method === 'POST') {
      try {
        body = JSON.parse(raw);
      } catch {
        return send({ errcode: 47001, errmsg: 'data format error' });
      }
    }
    if (endpoint === 'stable_token' && body.appid === oaAppId) {
      if (body.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.secret !== oaAppSecret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (!oaCurrent || oaCurrent.expired || body.force_refresh === true) {
        if (body.force_refresh === true) oaTokens.forced++;
        if (oaCurrent) oaRetired.add(oaCurrent.token);
        oaCurrent = { token: 'AT_OA_' + randomBytes(16).toString('hex'), expired: false };
        oaTokens.issued++;
      }
      return send({ access_token: oaCurrent.token, expires_in: 7200 });
    }
    if (endpoint.startsWith('oa_')) {
      const token = query.access_token ?? '';
      if (oaRetired.has(token) || (oaCurrent && token === oaCurrent.token && oaCurrent.expired))
        return send({ errcode: 42001, errmsg: 'access_token expired' });
      if (!oaCurrent || token !== oaCurrent.token) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      return send(oaAnswer(endpoint, query, body));
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
    return send({ session_key: randomBytes(16).toString('base64'), openid: openidFor(user), ...(openPlatform ? { unionid: unionidFor(user) } : {}) });
  });

  /** user/info for one follower, as WeChat answers it (an unfollowed openid gets subscribe 0 and no profile). */
  function oaUserInfo(openid: string): Record<string, unknown> {
    const f = followers.get(openid)!;
    if (!f.following) return { subscribe: 0, openid };
    return {
      subscribe: 1,
      openid,
      language: 'zh_CN',
      subscribe_time: Math.floor(f.since / 1000),
      ...(f.unionid ? { unionid: f.unionid } : {}),
      remark: '',
      groupid: 0,
      tagid_list: [],
      subscribe_scene: 'ADD_SCENE_QR_CODE',
      qr_scene: 0,
      qr_scene_str: '',
    };
  }

  /** The 公众号 API, once its access token was accepted. */
  function oaAnswer(endpoint: TEndpoint, query: Record<string, string>, body: Record<string, unknown>): Record<string, unknown> {
    if (endpoint === 'oa_user_info') {
      const openid = query.openid ?? '';
      if (!followers.has(openid)) return { errcode: 40003, errmsg: 'invalid openid' };
      if (query.lang !== undefined && !['zh_CN', 'zh_TW', 'en'].includes(query.lang)) return { errcode: 40005, errmsg: 'invalid lang' };
      return oaUserInfo(openid);
    }
    if (endpoint === 'oa_user_batchget') {
      const list = body.user_list;
      if (!Array.isArray(list) || list.length === 0) return { errcode: 47001, errmsg: 'data format error' };
      if (list.length > 100) return { errcode: 45034, errmsg: 'user_list size out of limit' };
      const out: Record<string, unknown>[] = [];
      for (const item of list as { openid?: unknown }[]) {
        const openid = typeof item?.openid === 'string' ? item.openid : '';
        if (!followers.has(openid)) return { errcode: 40003, errmsg: 'invalid openid' };
        out.push(oaUserInfo(openid));
      }
      return { user_info_list: out };
    }
    if (endpoint === 'oa_user_get') {
      const all = [...followers].filter(([, f]) => f.following).map(([o]) => o);
      const from = query.next_openid ? all.indexOf(query.next_openid) + 1 : 0;
      if (query.next_openid && from === 0) return { errcode: 40003, errmsg: 'invalid next_openid' };
      const page = all.slice(from, from + oaPageSize);
      if (page.length === 0) return { total: all.length, count: 0, next_openid: '' };
      return { total: all.length, count: page.length, data: { openid: page }, next_openid: page[page.length - 1] };
    }
    // template/send
    const msg = body as TOaSent;
    if (typeof msg.touser !== 'string' || !followers.has(msg.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!followers.get(msg.touser)!.following) return { errcode: 43004, errmsg: 'require subscribe' };
    if (typeof msg.template_id !== 'string' || !/^[\w-]{1,64}$/.test(msg.template_id)) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (msg.miniprogram !== undefined) {
      if (msg.miniprogram?.appid !== appId) return { errcode: 40166, errmsg: 'invalid weapp appid' };
      const page = msg.miniprogram.pagepath;
      if (typeof page !== 'string' || page.startsWith('/') || !/^[\w-]+(\/[\w-]+)*(\?.*)?$/.test(page))
        return { errcode: 40165, errmsg: 'invalid weapp pagepath' };
    }
    if (!msg.data || typeof msg.data !== 'object' || Object.keys(msg.data).length === 0) return { errcode: 47003, errmsg: 'argument invalid! data' };
    for (const [key, v] of Object.entries(msg.data)) {
      const bad = /\d$/.test(key) ? invalidField({ [key]: v }) : typeof v?.value === 'string' && [...v.value].length <= 200 ? null : `${key}.value`;
      if (bad) return { errcode: 47003, errmsg: `argument invalid! data.${bad}` };
    }
    oaSent.push(msg);
    return { errcode: 0, errmsg: 'ok', msgid: 2_000_000 + oaSent.length };
  }

  /** Encrypts as the 公众平台 does in 安全模式 (written apart from the server's code, so one mistake cannot hide in both). */
  function oaEncrypt(xml: string, forAppId: string): string {
    const key = Buffer.from(`${oaPush.aesKey}=`, 'base64');
    const msg = Buffer.from(xml);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length, 0);
    const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(forAppId)]);
    const n = 32 - (plain.length % 32);
    const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(n, n)])), c.final()]).toString('base64');
  }

  const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');

  async function pushOa(xml: string, openid: string, o: TOaPushOpts = {}): Promise<{ status: number; text: string }> {
    if (!oaPush.url) throw new Error('no 公众号 push URL set (oa.setPush)');
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = String(randomBytes(4).readUInt32BE(0));
    const signature = o.badSignature ? '0'.repeat(40) : sha1(oaPush.token, timestamp, nonce);
    const qs = new URLSearchParams({ signature, timestamp, nonce, openid });
    let payload = xml;
    if ((o.mode ?? (oaPush.aesKey ? 'safe' : 'plain')) === 'safe') {
      const encrypted = oaEncrypt(xml, o.forAppId ?? oaAppId);
      qs.set('encrypt_type', 'aes');
      qs.set('msg_signature', o.badMsgSignature ? 'f'.repeat(40) : sha1(oaPush.token, timestamp, nonce, encrypted));
      payload = `<xml><ToUserName><![CDATA[gh_fake_oa]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
    }
    const res = await fetch(`${oaPush.url}?${qs}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: payload });
    return { status: res.status, text: await res.text() };
  }

  const eventXml = (openid: string, event: 'subscribe' | 'unsubscribe') =>
    `<xml><ToUserName><![CDATA[gh_fake_oa]]></ToUserName><FromUserName><![CDATA[${openid}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event>${event === 'subscribe' ? '<EventKey><![CDATA[]]></EventKey>' : ''}</xml>`;

  const oa: TFakeOa = {
    appId: oaAppId,
    appSecret: oaAppSecret,
    sent: oaSent,
    tokens: oaTokens,
    openidFor: oaOpenidFor,
    followers,
    setPush: (url, token, aesKey = '') => {
      oaPush = { url, token, aesKey };
    },
    setPageSize: (n) => {
      oaPageSize = n;
    },
    follow: async (openid, unionid, o = {}) => {
      followers.set(openid, { unionid, following: true, since: Date.now() });
      return o.push === false ? null : pushOa(eventXml(openid, 'subscribe'), openid, o);
    },
    unfollow: async (openid, o = {}) => {
      const f = followers.get(openid);
      followers.set(openid, { unionid: f?.unionid ?? null, following: false, since: f?.since ?? Date.now() });
      return o.push === false ? null : pushOa(eventXml(openid, 'unsubscribe'), openid, o);
    },
    pushXml: pushOa,
    expireToken: () => {
      if (oaCurrent) oaCurrent.expired = true;
    },
  };
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
    oa,
    unionidFor,
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

/** The environment pointing the server at this fake: the mini-program, and the 公众号 with `oaToken` as its 服务器配置 Token. */
export function fakeWechatEnv(wx: TFakeWechat, oaToken = 'oa-token'): Record<string, string> {
  return {
    WECHAT_API_BASE: wx.url,
    WECHAT_APP_ID: wx.appId,
    WECHAT_APP_SECRET: wx.appSecret,
    WECHAT_OA_APP_ID: wx.oa.appId,
    WECHAT_OA_APP_SECRET: wx.oa.appSecret,
    WECHAT_OA_TOKEN: oaToken,
  };
}
