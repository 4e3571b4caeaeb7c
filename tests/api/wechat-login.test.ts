import { LEGAL_VERSION } from '../../shared/domain/privacy';
import { randomUUID } from 'node:crypto';
import { setEnv } from '../../functions/runtime/env';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { useApi } from '../helpers/api';

useTestDb();
const api = useApi();
let wx: TFakeWechat;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '800' }));
});
afterAll(() => wx.stop());

const login = (code: string) => api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code } });

describe('WeChat sign-in through code2Session', () => {
  it('creates the identity on first login and finds the same person on the next', async () => {
    const user = `villager-${randomUUID()}`;
    const first = await login(wx.codeFor(user));
    const second = await login(wx.codeFor(user));
    expect(first.status).toBe(200);
    expect(first.body.token).toMatch(/^[\w-]{43}$/); // 256 bits, base64url
    expect(second.body.person.id).toBe(first.body.person.id);
    expect(second.body.token).not.toBe(first.body.token);
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|sessionKey/);
    const call = wx.calls.at(-1)!;
    expect(call.query).toMatchObject({ appid: wx.appId, secret: wx.appSecret, grant_type: 'authorization_code' });
  });

  it('gives two simultaneous first logins of one person a single identity', async () => {
    const user = `double-tap-${randomUUID()}`;
    const [a, b] = await Promise.all([login(wx.codeFor(user)), login(wx.codeFor(user))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.person.id).toBe(b.body.person.id);
  });

  it.each([
    ['an invalid code (40029)', { errcode: 40029 }, 400, 'WECHAT_CODE_INVALID'],
    ['a used code (40163)', { errcode: 40163 }, 400, 'WECHAT_CODE_INVALID'],
    ['rate limiting (45011)', { errcode: 45011 }, 429, 'WECHAT_RATE_LIMITED'],
    ['a high-risk user (40226)', { errcode: 40226 }, 403, 'WECHAT_USER_BLOCKED'],
    ['a busy WeChat (-1)', { errcode: -1 }, 503, 'WECHAT_UNAVAILABLE'],
    ['an HTTP 502', { httpStatus: 502 }, 503, 'WECHAT_UNAVAILABLE'],
    ['a non-JSON answer', { garbage: true as const }, 503, 'WECHAT_UNAVAILABLE'],
    ['a timeout', { delayMs: 1500 }, 503, 'WECHAT_UNAVAILABLE'],
  ])('turns %s into a clear %i', async (_, fault, status, code) => {
    wx.failNext('jscode2session', fault);
    const r = await login(wx.codeFor(`u-${randomUUID()}`));
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
  });

  it('refuses a code WeChat never issued, and a code used twice', async () => {
    expect((await login('never-issued')).body.error.code).toBe('WECHAT_CODE_INVALID');
    const code = wx.codeFor(`once-${randomUUID()}`);
    expect((await login(code)).status).toBe(200);
    expect((await login(code)).body.error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('answers 503, not 500, when the app secret is wrong', async () => {
    setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: 'wrong' }));
    try {
      const r = await login(wx.codeFor('x'));
      expect(r.status).toBe(503);
    } finally {
      setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '800' }));
    }
  });
});
