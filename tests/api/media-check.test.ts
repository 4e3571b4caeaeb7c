import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

/** Listing photos through media_check_async, the verdict coming back by WeChat's signed push. */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const TOKEN = 'push-token-1';
let wx: TFakeWechat;
let tree: TOrgTree;
let seller: string;
let sellerId: string;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(
    testEnv({
      WECHAT_API_BASE: wx.url,
      WECHAT_APP_ID: wx.appId,
      WECHAT_APP_SECRET: wx.appSecret,
      WECHAT_TIMEOUT_MS: '500',
      WECHAT_MEDIA_CHECK: '1',
      WECHAT_PUSH_TOKEN: TOKEN,
      PUBLIC_BASE_URL: api.baseUrl(),
    }),
  );
  wx.setPush(`${api.baseUrl()}/api/wechat/push`, TOKEN);
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  sellerId = (await createPersonWithRole(d(), tree, 'villager')).personId;
  seller = await tokenFor(d(), sellerId);
  const user = `seller-${randomUUID()}`; // openids are unique per app: tests sharing the server database need their own
  await createWechatIdentity(d(), sellerId, wx.appId, wx.openidFor(user));
  await fetch(`${wx.url}/sns/jscode2session?appid=${wx.appId}&secret=${wx.appSecret}&js_code=${wx.codeFor(user)}&grant_type=authorization_code`);
});
afterAll(() => wx.stop());

async function submitWithPhoto(title: string) {
  const photo = (await api.call('POST', '/api/media', { token: seller, body: { dataBase64: PNG.toString('base64') } })).body.id;
  const l = (
    await api.call('POST', '/api/listings', { token: seller, body: { title, category: 'other', priceFen: 100, unit: '个', quantity: 1, photoIds: [photo] } })
  ).body;
  const before = wx.mediaChecks.length;
  const s = await api.call('POST', `/api/listings/${l.id}/submit`, { token: seller, body: {} });
  expect(s.body.state).toBe('pending_review');
  expect(wx.mediaChecks.length).toBe(before + 1);
  return { listing: l, photo, trace: wx.mediaChecks.at(-1)! };
}
const listing = async (id: string) => (await api.call('GET', `/api/listings/${id}`, { token: seller })).body;

describe('media_check_async', () => {
  it('lets WeChat download the photo by a signed link, and a risky verdict takes the listing down', async () => {
    const { listing: l, photo, trace } = await submitWithPhoto('手工竹篮');
    expect(trace.mediaUrl).toMatch(new RegExp(`^${api.baseUrl()}/api/media/${photo}/public\\?exp=\\d+&sig=`));
    const r = await wx.finishMediaCheck(trace.traceId, 'risky', 20002);
    expect(r.downloaded).toBe(200);
    expect(r.bytes.equals(PNG)).toBe(true);
    expect(r.pushStatus).toBe(200);
    expect(await listing(l.id)).toMatchObject({ state: 'rejected', contentCheck: 'risky', rejectReason: expect.stringMatching(/照片可能含有色情/) });
    const n = await d().execute(sql`select count(*)::int as n from notifications where recipient_id = ${sellerId} and template = 'market_reviewed'`);
    expect((n as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
    // WeChat may push the same result again: recorded once
    await wx.finishMediaCheck(trace.traceId, 'risky', 20002);
    const again = await d().execute(sql`select count(*)::int as n from notifications where recipient_id = ${sellerId} and template = 'market_reviewed'`);
    expect((again as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });

  it('marks a photo to review for the reviewer, and passes a clean one', async () => {
    const a = await submitWithPhoto('竹编凳子');
    await wx.finishMediaCheck(a.trace.traceId, 'review', 10001);
    expect(await listing(a.listing.id)).toMatchObject({ state: 'pending_review', contentCheck: 'review' });
  });

  it("refuses pushes without WeChat's signature and links without ours", async () => {
    const { listing: l, photo, trace } = await submitWithPhoto('腊肉');
    const forged = await wx.finishMediaCheck(trace.traceId, 'risky', 20002, { badSignature: true });
    expect(forged.pushStatus).toBe(403);
    expect((await listing(l.id)).state).toBe('pending_review');
    const link = new URL(trace.mediaUrl);
    const tampered = await fetch(`${api.baseUrl()}/api/media/${photo}/public?exp=${link.searchParams.get('exp')}&sig=${'A'.repeat(32)}`);
    expect(tampered.status).toBe(404);
    const expired = await fetch(`${api.baseUrl()}/api/media/${photo}/public?exp=${Date.now() - 1000}&sig=${link.searchParams.get('sig')}`);
    expect(expired.status).toBe(404);
  });

  it('refuses a push signed more than 5 minutes before or after the server clock, as if forged', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { listing: l, trace } = await submitWithPhoto('土鸡蛋');
    for (const timestamp of [now - 6 * 60, now + 6 * 60]) {
      const replayed = await wx.finishMediaCheck(trace.traceId, 'risky', 20002, { timestamp });
      expect(replayed.pushStatus).toBe(403);
    }
    expect(await listing(l.id)).toMatchObject({ state: 'pending_review', contentCheck: 'pass' });
    // a little clock skew is WeChat's, not an attack
    expect((await wx.finishMediaCheck(trace.traceId, 'risky', 20002, { timestamp: now - 4 * 60 })).pushStatus).toBe(200);
    expect((await listing(l.id)).state).toBe('rejected');
  });

  it("answers WeChat's server verification with echostr, only when signed just now", async () => {
    const verify = (ts: number, signature?: string) => {
      const nonce = 'abc';
      const sig =
        signature ??
        createHash('sha1')
          .update([TOKEN, String(ts), nonce].sort().join(''))
          .digest('hex');
      return fetch(`${api.baseUrl()}/api/wechat/push?signature=${sig}&timestamp=${ts}&nonce=${nonce}&echostr=hello123`);
    };
    const now = Math.floor(Date.now() / 1000);
    const ok = await verify(now);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('hello123');
    expect((await verify(now, '1'.repeat(40))).status).toBe(403);
    expect((await verify(now - 6 * 60)).status).toBe(403);
  });
});
