import { LEGAL_VERSION } from '../../shared/domain/privacy';
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { setEnv } from '../../functions/runtime/env';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { media } from '../../db/schema';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testDbKind } from '../helpers/test-db-config';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

/**
 * Abuse limits kept in Postgres (so every function instance sees the same counts): sign-ins
 * per client address, writes per person, photos per person and courtyard per China day.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let wx: TFakeWechat;
let tree: TOrgTree;

const LIMITS = {
  TRUST_PROXY: '1',
  SIGNIN_LIMIT_PER_MINUTE: '5',
  WRITE_LIMIT_PER_MINUTE: '6',
  PHOTO_DAILY_COUNT_PERSON: '3',
  PHOTO_DAILY_MB_PERSON: '1',
  PHOTO_DAILY_COUNT_COURTYARD: '4',
  PHOTO_DAILY_MB_COURTYARD: '5',
  PHOTO_DAILY_COUNT_NEWCOMER: '1',
  PHOTO_DAILY_MB_NEWCOMER: '1',
};

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, ...LIMITS }));
  tree = await createOrgTree(d(), { villages: 1, courtyards: 4 }); // one courtyard per photo test: their quotas are shared
});
afterAll(() => wx.stop());

// a valid 1×1 PNG; trailing random bytes make each upload a different photo
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const photo = (extra = 16) => Buffer.concat([PNG, randomBytes(extra)]).toString('base64');
const upload = (token: string, dataBase64 = photo(), key?: string) =>
  api.call('POST', '/api/media', { token, body: { dataBase64 }, headers: key ? { 'idempotency-key': key } : {} });
const mediaOf = async (personId: string) => (await d().select({ n: count() }).from(media).where(eq(media.ownerId, personId)))[0].n;

/** A fresh address per test: on the server database the counters are shared by every test file. */
const freshAddress = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** Minute windows: start a minute-limit test early in a minute, so the window cannot turn mid-test. */
async function earlyInMinute(): Promise<void> {
  const s = new Date().getSeconds();
  if (s > 45) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}

describe('sign-in attempts per client address', () => {
  it('forwards the first five bad codes to WeChat and refuses the rest with 429 before WeChat hears of them', async () => {
    await earlyInMinute();
    const address = freshAddress();
    const before = wx.calls.filter((c) => c.endpoint === 'jscode2session').length;
    const tries = [];
    for (let i = 0; i < 8; i++) {
      tries.push(
        await api.call('POST', '/api/auth/wechat-login', {
          body: { consentVersion: LEGAL_VERSION, code: `bad-code-${i}` },
          headers: { 'x-forwarded-for': `203.0.113.9, ${address}` },
        }),
      );
    }
    expect(tries.map((t) => t.status)).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
    expect(wx.calls.filter((c) => c.endpoint === 'jscode2session').length - before).toBe(5);
    const refused = tries[7];
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toMatch(/^登录尝试太频繁，请\d+秒后再试$/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts by the proxy-seen address only: a client rotating its own X-Forwarded-For entries gains nothing', async () => {
    await earlyInMinute();
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      const spoof = `198.51.100.${i}`;
      statuses.push(
        (
          await api.call('POST', '/api/auth/wechat-login', {
            body: { consentVersion: LEGAL_VERSION, code: `bad-${i}` },
            headers: { 'x-forwarded-for': `${spoof}, ${address}` },
          })
        ).status,
      );
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it('lets a good sign-in through from another address while one address is blocked', async () => {
    const blocked = freshAddress();
    for (let i = 0; i < 6; i++)
      await api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code: `x-${i}` }, headers: { 'x-forwarded-for': blocked } });
    const ok = await api.call('POST', '/api/auth/wechat-login', {
      body: { consentVersion: LEGAL_VERSION, code: wx.codeFor(`limits-${randomBytes(4).toString('hex')}`) },
      headers: { 'x-forwarded-for': freshAddress() },
    });
    expect(ok.status).toBe(200);
  });
});

describe('writes per person', () => {
  it("refuses the seventh write in a minute with 429 and Retry-After, and not another person's", async () => {
    await earlyInMinute();
    const a = await createPersonWithRole(d(), tree, 'villager');
    const b = await createPersonWithRole(d(), tree, 'villager');
    const [ta, tb] = [await tokenFor(d(), a.personId), await tokenFor(d(), b.personId)];
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await api.call('POST', '/api/inbox/read-all', { token: ta })).status);
    expect(statuses.slice(0, 6).every((s) => s < 300)).toBe(true);
    expect(statuses[6]).toBe(429);
    const again = await api.call('POST', '/api/inbox/read-all', { token: ta });
    expect(again.body.error.code).toBe('RATE_LIMITED');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await api.call('POST', '/api/inbox/read-all', { token: tb })).status).toBeLessThan(300);
    // reads are not writes
    expect((await api.call('GET', '/api/inbox/unread-count', { token: ta })).status).toBe(200);
  });
});

describe('daily photo quotas', () => {
  it('stores three photos a day for a person, refuses the fourth until Beijing midnight and stores nothing for it', async () => {
    const p = await createPersonWithRole(d(), tree, 'villager', { courtyard: 1 });
    const token = await tokenFor(d(), p.personId);
    const first = photo();
    for (const data of [first, photo(), photo()]) expect((await upload(token, data)).status).toBe(201);
    // the same photo again is the stored one, and uses no quota
    expect((await upload(token, first)).status).toBe(201);
    const refused = await upload(token);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('PHOTO_QUOTA_REACHED');
    expect(refused.body.error.message).toBe('今天上传的照片已达上限，请明天（北京时间0点后）再试');
    const now = Date.now();
    const beijingMidnight = Math.ceil((now + 8 * 3600e3) / 86400e3) * 86400e3 - 8 * 3600e3;
    expect(Math.abs(Number(refused.headers.get('retry-after')) - (beijingMidnight - now) / 1000)).toBeLessThan(5);
    expect(await mediaOf(p.personId)).toBe(3);
  });

  it('counts bytes as well as photos', async () => {
    const p = await createPersonWithRole(d(), tree, 'villager', { courtyard: 2 });
    const token = await tokenFor(d(), p.personId);
    expect((await upload(token, photo(600 * 1024))).status).toBe(201);
    const over = await upload(token, photo(500 * 1024)); // 1.1 MB of a 1 MB day
    expect(over.status).toBe(429);
    expect((await upload(token, photo(100 * 1024))).status).toBe(201);
  });

  it('shares a larger quota among the people of one courtyard', async () => {
    const people = await Promise.all([0, 1].map(() => createPersonWithRole(d(), tree, 'villager', { courtyard: 0 })));
    const [ta, tb] = await Promise.all(people.map((p) => tokenFor(d(), p.personId)));
    const statuses = [];
    for (const t of [ta, ta, tb, tb, tb]) statuses.push((await upload(t)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(await mediaOf(people[1].personId)).toBe(2);
  });

  it('gives someone who belongs nowhere one photo a day', async () => {
    const stranger = await createPersonWithRole(d(), tree, null);
    const token = await tokenFor(d(), stranger.personId);
    expect((await upload(token)).status).toBe(201);
    expect((await upload(token)).status).toBe(429);
  });

  it('does not store a 429 as the answer to its Idempotency-Key: the retry after the quota is raised succeeds', async () => {
    const p = await createPersonWithRole(d(), tree, null);
    const token = await tokenFor(d(), p.personId);
    expect((await upload(token)).status).toBe(201);
    const data = photo();
    expect((await upload(token, data, 'quota-retry-1')).status).toBe(429);
    setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, ...LIMITS, PHOTO_DAILY_COUNT_NEWCOMER: '2' }));
    try {
      const retry = await upload(token, data, 'quota-retry-1');
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect((await upload(token, data, 'quota-retry-1')).headers.get('idempotent-replayed')).toBe('true');
    } finally {
      setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, ...LIMITS }));
    }
  });

  (testDbKind() === 'server' ? it : it.skip)('never passes the quota under 30 concurrent uploads by one person (server)', async () => {
    const p = await createPersonWithRole(d(), tree, 'villager', { courtyard: 3 });
    const token = await tokenFor(d(), p.personId);
    setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, ...LIMITS, WRITE_LIMIT_PER_MINUTE: '1000' }));
    const res = await Promise.all(Array.from({ length: 30 }, () => upload(token)));
    const statuses = res.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(await mediaOf(p.personId)).toBe(3);
    setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, ...LIMITS }));
  });
});
