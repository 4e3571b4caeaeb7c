import { LEGAL_VERSION } from '../../shared/domain/privacy';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import oaPushRoute from '../../functions/api/wechat/oa-push';
import { findOaFollower, findOaOpenidOfPerson } from '../../db/queries/oa-followers';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { decryptOaMessage, encryptOaMessage, oaSignature } from '../../functions/services/wechat/oa-crypto';
import { testEnv, useTestDb } from '../helpers/db';
import { useApi } from '../helpers/api';
import { fakeWechatEnv, startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';

/**
 * The 公众号's 服务器配置 URL: address verification, subscribe/unsubscribe pushes in plaintext and
 * 安全模式, each checked by signature; a follower is linked to the member of staff who signed in to
 * the mini-program with the same unionid.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
const TOKEN = 'oa-token-1';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
let wx: TFakeWechat;
let tree: TOrgTree;

const env = (extra: Record<string, string> = {}) =>
  testEnv({
    ...fakeWechatEnv(wx, TOKEN),
    WECHAT_TIMEOUT_MS: '500',
    WECHAT_OA_AES_KEY: AES_KEY,
    ...extra,
  });

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(env());
  wx.oa.setPush(`${api.baseUrl()}/api/wechat/oa-push`, TOKEN, AES_KEY);
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
});
afterAll(() => wx.stop());

/** A cleaner who signed in to the mini-program (so their identity carries the shared unionid). */
async function signedInCleaner() {
  const user = `cleaner-${randomUUID()}`;
  const r = await api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code: wx.codeFor(user) } });
  expect(r.status).toBe(200);
  const me = await api.call('GET', '/api/me', { token: r.body.token });
  const { personId } = await createPersonWithRole(d(), tree, 'cleaner');
  return { user, personId: me.body.person.id as string, otherId: personId, oaOpenid: wx.oa.openidFor(user), unionid: wx.unionidFor(user) };
}

describe('安全模式 crypto', () => {
  // WeChat's own WXBizMsgCrypt sample (Java test): key, app id, 16 "random" bytes and the expected ciphertext
  const SAMPLE = { appId: 'wxb11529c136998cb6', random: 'aaaabbbbccccdddd', message: '我是中文abcd123' };
  const EXPECTED = 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==';

  it("encrypts WeChat's sample exactly as its reference implementation does", () => {
    expect(encryptOaMessage(AES_KEY, SAMPLE.appId, SAMPLE.message, Buffer.from(SAMPLE.random))).toBe(EXPECTED);
  });

  it("decrypts WeChat's sample, and refuses it for another app id or when tampered with", () => {
    expect(decryptOaMessage(AES_KEY, SAMPLE.appId, EXPECTED)).toBe(SAMPLE.message);
    expect(decryptOaMessage(AES_KEY, 'wx-someone-else', EXPECTED)).toBeNull();
    const bytes = Buffer.from(EXPECTED, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(decryptOaMessage(AES_KEY, SAMPLE.appId, bytes.toString('base64'))).toBeNull();
    expect(decryptOaMessage(AES_KEY, SAMPLE.appId, 'not base64 at all')).toBeNull();
  });

  it('round-trips any message, padding to a multiple of 32 bytes', () => {
    for (const msg of ['', 'a', 'x'.repeat(12), '关注'.repeat(40), '<xml><Event><![CDATA[subscribe]]></Event></xml>']) {
      const enc = encryptOaMessage(AES_KEY, 'wx-oa', msg);
      expect(Buffer.from(enc, 'base64').length % 32).toBe(0);
      expect(decryptOaMessage(AES_KEY, 'wx-oa', enc)).toBe(msg);
    }
  });

  it('signs the sorted parts with sha1', () => {
    const want = createHash('sha1').update(['1409304348', 'pamtest', 'xxxxxx'].sort().join('')).digest('hex');
    expect(oaSignature('pamtest', '1409304348', 'xxxxxx')).toBe(want);
  });
});

describe('GET /api/wechat/oa-push (服务器配置 verification)', () => {
  const signed = (token: string, ts = String(Math.floor(Date.now() / 1000))) => {
    const nonce = String(Math.floor(Math.random() * 1e9));
    return `signature=${oaSignature(token, ts, nonce)}&timestamp=${ts}&nonce=${nonce}`;
  };

  it('echoes echostr when the signature is made with the Token', async () => {
    const r = await fetch(`${api.baseUrl()}/api/wechat/oa-push?${signed(TOKEN)}&echostr=6125340512907458436`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('6125340512907458436');
  });

  it("refuses another Token's signature (the mini-program's push token) and a stale timestamp", async () => {
    expect((await api.call('GET', `/api/wechat/oa-push?${signed('dev-push-token')}&echostr=x`)).status).toBe(403);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await api.call('GET', `/api/wechat/oa-push?${signed(TOKEN, old)}&echostr=x`)).status).toBe(403);
  });
});

describe('POST /api/wechat/oa-push (events)', () => {
  it('links a cleaner who follows the 公众号 (plaintext mode), through the unionid from user/info', async () => {
    const c = await signedInCleaner();
    const r = await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'plain' });
    expect(r).toEqual({ status: 200, text: 'success' });
    expect(await findOaFollower(d(), c.oaOpenid)).toMatchObject({ unionid: c.unionid, following: true, staleReason: null });
    expect(await findOaOpenidOfPerson(d(), c.personId, wx.appId)).toBe(c.oaOpenid);
    // someone else, never signed in with that unionid, is not linked
    expect(await findOaOpenidOfPerson(d(), c.otherId, wx.appId)).toBeNull();
  });

  it('reads the event from 安全模式 (encrypted, msg_signature) and records the unsubscribe', async () => {
    const c = await signedInCleaner();
    expect(await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'safe' })).toEqual({ status: 200, text: 'success' });
    expect(await findOaOpenidOfPerson(d(), c.personId, wx.appId)).toBe(c.oaOpenid);
    expect(await wx.oa.unfollow(c.oaOpenid, { mode: 'safe' })).toEqual({ status: 200, text: 'success' });
    expect(await findOaFollower(d(), c.oaOpenid)).toMatchObject({ unionid: c.unionid, following: false });
    expect(await findOaOpenidOfPerson(d(), c.personId, wx.appId)).toBeNull();
  });

  it('refuses a bad signature, a bad msg_signature, a stale timestamp and a message for another app id, recording nothing', async () => {
    const c = await signedInCleaner();
    expect((await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'plain', badSignature: true }))?.status).toBe(403);
    expect((await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'safe', badMsgSignature: true }))?.status).toBe(403);
    expect((await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'plain', timestamp: Math.floor(Date.now() / 1000) - 600 }))?.status).toBe(403);
    expect((await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'safe', forAppId: 'wx-another-account' }))?.status).toBe(403);
    expect(await findOaFollower(d(), c.oaOpenid)).toBeNull();
  });

  it('refuses encrypted pushes when no EncodingAESKey is configured', async () => {
    setEnv(env({ WECHAT_OA_AES_KEY: '' }));
    try {
      const c = await signedInCleaner();
      expect((await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'safe' }))?.status).toBe(403);
      expect((await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'plain' }))?.status).toBe(200);
    } finally {
      setEnv(env());
    }
  });

  it('answers success to other events and messages, and 400 to a body that is not XML', async () => {
    const xml = `<xml><ToUserName><![CDATA[gh_fake_oa]]></ToUserName><FromUserName><![CDATA[${wx.oa.openidFor('x')}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>`;
    expect(await wx.oa.pushXml(xml, wx.oa.openidFor('x'), { mode: 'plain' })).toEqual({ status: 200, text: 'success' });
    expect(await wx.oa.pushXml(xml, wx.oa.openidFor('x'), { mode: 'safe' })).toEqual({ status: 200, text: 'success' });
    const bad = await api.call('POST', '/api/wechat/oa-push?signature=s&timestamp=1&nonce=n', { rawBody: '{"Event":"subscribe"}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('still records the follow when user/info is down, and a later push fills in the unionid', async () => {
    const c = await signedInCleaner();
    wx.failNext('oa_user_info', { errcode: -1, errmsg: 'system error' });
    expect(await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'plain' })).toEqual({ status: 200, text: 'success' });
    expect(await findOaFollower(d(), c.oaOpenid)).toMatchObject({ unionid: null, following: true });
    expect(await findOaOpenidOfPerson(d(), c.personId, wx.appId)).toBeNull();
    await new Promise((r) => setTimeout(r, 1100)); // a later CreateTime
    await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'plain' });
    expect(await findOaOpenidOfPerson(d(), c.personId, wx.appId)).toBe(c.oaOpenid);
  });

  it('reads the XML from the request stream where the platform leaves req.body unset (Vercel parses only JSON, forms and text/plain)', async () => {
    const vercelLike = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      void oaPushRoute(Object.assign(req, { query: Object.fromEntries(url.searchParams), body: undefined }), res);
    });
    await new Promise<void>((r) => vercelLike.listen(0, '127.0.0.1', r));
    try {
      wx.oa.setPush(`http://127.0.0.1:${(vercelLike.address() as AddressInfo).port}/api/wechat/oa-push`, TOKEN, AES_KEY);
      const c = await signedInCleaner();
      expect(await wx.oa.follow(c.oaOpenid, c.unionid, { mode: 'safe' })).toEqual({ status: 200, text: 'success' });
      expect(await findOaOpenidOfPerson(d(), c.personId, wx.appId)).toBe(c.oaOpenid);
    } finally {
      wx.oa.setPush(`${api.baseUrl()}/api/wechat/oa-push`, TOKEN, AES_KEY);
      await new Promise((r) => vercelLike.close(r));
    }
  });
});
