import { sql } from 'drizzle-orm';
import { people } from '../../db/schema';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { TestClock, workCtx } from '../helpers/work';

/** 帮我卖 and 找活干 over HTTP, with WeChat's content security answered by the fake. */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let wx: TFakeWechat;
let tree: TOrgTree;
let far: TOrgTree;
const t = {} as Record<'seller' | 'head' | 'otherHead' | 'cadre' | 'otherCadre' | 'buyer' | 'stranger' | 'neighbour', string>;
const ids = {} as Record<keyof typeof t, string>;

/** The fake WeChat user behind each person (unique per run: openids are unique per app on a shared server database). */
const wxUser = (key: keyof typeof t) => `${key}-${ids[key]}`;

/** Gives the person a WeChat identity and a recent visit (msg_sec_check wants one). */
async function visit(key: keyof typeof t) {
  await createWechatIdentity(d(), ids[key], wx.appId, wx.openidFor(wxUser(key)));
  await fetch(`${wx.url}/sns/jscode2session?appid=${wx.appId}&secret=${wx.appSecret}&js_code=${wx.codeFor(wxUser(key))}&grant_type=authorization_code`);
}

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '500' }));
  tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
  far = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  const make = async (k: keyof typeof t, role: 'villager' | 'courtyard_head' | 'village_cadre', at: { courtyard?: number } = {}, inTree = tree) => {
    ids[k] = (await createPersonWithRole(d(), inTree, role, at, k)).personId;
    t[k] = await tokenFor(d(), ids[k]);
  };
  await make('seller', 'villager');
  await make('neighbour', 'villager');
  await make('head', 'courtyard_head');
  await make('otherHead', 'courtyard_head', { courtyard: 1 });
  await make('cadre', 'village_cadre');
  await make('otherCadre', 'village_cadre', {}, far);
  await make('buyer', 'villager', {}, far); // a buyer from another township
  await make('stranger', 'villager', {}, far);
  await d()
    .update(people)
    .set({ phone: '13911112222' })
    .where(sql`${people.id} = ${ids.seller}`);
  await visit('seller');
});
afterAll(() => wx.stop());

const EGGS = { title: '土鸡蛋', category: 'poultry_egg', description: '散养鸡下的蛋', priceFen: 150, unit: '个', quantity: 10, pickupNote: '桂花院3号自取' };
const newListing = async (body: Record<string, unknown> = EGGS, token = t.seller) => api.call('POST', '/api/listings', { token, body });
const post = (path: string, token: string, body: unknown = {}) => api.call('POST', path, { token, body });
const published = async (body: Record<string, unknown> = EGGS) => {
  const l = (await newListing(body)).body;
  await post(`/api/listings/${l.id}/submit`, t.seller);
  return (await post(`/api/listings/${l.id}/review`, t.head, { decision: 'approve' })).body;
};
const notices = async (personId: string, template: string) => {
  const r = await d().execute(sql`select count(*)::int as n from notifications where recipient_id = ${personId} and template = ${template}`);
  return (r as unknown as { rows: { n: number }[] }).rows[0].n;
};

describe('帮我卖 listings', () => {
  it('goes draft → checked by WeChat → reviewed by the head → published, browsable by anyone', async () => {
    const created = await newListing();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', priceFen: 150, can: { edit: true, submit: true, intend: false } });
    const edited = await api.call('PATCH', `/api/listings/${created.body.id}`, { token: t.seller, body: { quantity: 30 } });
    expect(edited.body.quantity).toBe(30);
    const before = await notices(ids.head, 'market_review_needed');
    const submitted = await post(`/api/listings/${created.body.id}/submit`, t.seller);
    expect(submitted.body).toMatchObject({ state: 'pending_review', contentCheck: 'pass' });
    expect(wx.contentChecks.at(-1)).toMatchObject({ openid: wx.openidFor(wxUser('seller')), suggest: 'pass', content: expect.stringContaining('土鸡蛋') });
    expect(await notices(ids.head, 'market_review_needed')).toBe(before + 1);
    expect((await api.call('PATCH', `/api/listings/${created.body.id}`, { token: t.seller, body: { quantity: 5 } })).body.error.code).toBe('POST_NOT_EDITABLE');
    // pending: not public, and not reviewable from outside its courtyard or village
    expect((await api.call('GET', `/api/listings/${created.body.id}`, { token: t.buyer })).status).toBe(404);
    for (const who of ['otherHead', 'otherCadre', 'neighbour', 'buyer'] as const) {
      const r = await post(`/api/listings/${created.body.id}/review`, t[who], { decision: 'approve' });
      expect({ who, status: r.status }).toEqual({ who, status: 404 });
    }
    const approved = await post(`/api/listings/${created.body.id}/review`, t.head, { decision: 'approve' });
    expect(approved.body).toMatchObject({ state: 'published', can: { review: false } });
    expect(approved.body.expiresAt).not.toBeNull();
    expect((await post(`/api/listings/${created.body.id}/review`, t.head, { decision: 'approve' })).body.error.code).toBe('POST_NOT_PENDING');
    const browse = await api.call('GET', `/api/listings?category=poultry_egg&villageId=${tree.villages[0].id}`, { token: t.buyer });
    expect(browse.body.items.map((l: { id: string }) => l.id)).toContain(created.body.id);
    const seen = await api.call('GET', `/api/listings/${created.body.id}`, { token: t.buyer });
    expect(seen.body).toMatchObject({ can: { intend: true, edit: false, review: false } });
    expect(JSON.stringify(seen.body)).not.toContain('13911112222');
  });

  it("takes WeChat's verdict: risky is rejected with a reason, review goes to a person, an unreachable WeChat goes to a person", async () => {
    const risky = (await newListing({ ...EGGS, description: '可以赌博' })).body;
    const r = await post(`/api/listings/${risky.id}/submit`, t.seller);
    expect(r.body).toMatchObject({ state: 'rejected', contentCheck: 'risky', rejectReason: expect.stringContaining('违法犯罪') });
    const fixed = await api.call('PATCH', `/api/listings/${risky.id}`, { token: t.seller, body: { description: '新鲜鸡蛋' } });
    expect(fixed.body.state).toBe('rejected');
    expect((await post(`/api/listings/${risky.id}/submit`, t.seller)).body.state).toBe('pending_review');

    const ad = (await newListing({ ...EGGS, pickupNote: '加微信详聊' })).body;
    expect((await post(`/api/listings/${ad.id}/submit`, t.seller)).body).toMatchObject({ state: 'pending_review', contentCheck: 'review' });

    wx.failNext('msg_sec_check', { errcode: 40001 }); // a stale token is refreshed once
    const again = (await newListing()).body;
    expect((await post(`/api/listings/${again.id}/submit`, t.seller)).body).toMatchObject({ state: 'pending_review', contentCheck: 'pass' });

    wx.failNext('msg_sec_check', { httpStatus: 502 });
    const down = (await newListing()).body;
    expect((await post(`/api/listings/${down.id}/submit`, t.seller)).body).toMatchObject({ state: 'pending_review', contentCheck: 'unchecked' });

    // the neighbour has never opened the app through WeChat: nothing to ask WeChat with
    const calls = wx.contentChecks.length;
    const n = (await newListing(EGGS, t.neighbour)).body;
    expect((await post(`/api/listings/${n.id}/submit`, t.neighbour)).body).toMatchObject({ state: 'pending_review', contentCheck: 'unchecked' });
    expect(wx.contentChecks.length).toBe(calls);
  });

  it("shows a listing's photos to anyone once it is published, not before", async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    const photo = (await post('/api/media', t.seller, { dataBase64: png })).body.id;
    const l = (await newListing({ ...EGGS, photoIds: [photo] })).body;
    await post(`/api/listings/${l.id}/submit`, t.seller);
    expect((await api.call('GET', `/api/media/${photo}`, { token: t.buyer })).status).toBe(404);
    expect((await api.call('GET', `/api/media/${photo}`, { token: t.head })).status).toBe(200);
    await post(`/api/listings/${l.id}/review`, t.head, { decision: 'approve' });
    expect((await api.call('GET', `/api/media/${photo}`, { token: t.buyer })).status).toBe(200);
  });

  it("lets a buyer ask, the seller accept, and only then shows the buyer the seller's phone", async () => {
    const l = await published();
    expect((await post(`/api/listings/${l.id}/intents`, t.seller, { quantity: 1, phone: '13700000001' })).body.error.code).toBe('OWN_POST');
    expect((await post(`/api/listings/${l.id}/intents`, t.buyer, { quantity: 11, phone: '13700000001' })).body.error.code).toBe('NOT_ENOUGH_LEFT');
    expect((await post(`/api/listings/${l.id}/intents`, t.buyer, { quantity: 2, phone: '123' })).status).toBe(400);
    const intent = await post(`/api/listings/${l.id}/intents`, t.buyer, { quantity: 4, phone: '13700000001', note: '周六来拿' });
    expect(intent.status).toBe(201);
    expect(intent.body).toMatchObject({ state: 'pending', sellerPhone: null, mine: true });
    expect(await notices(ids.seller, 'listing_intent')).toBeGreaterThanOrEqual(1);
    expect((await api.call('GET', '/api/intents/mine', { token: t.buyer })).body.items[0]).toMatchObject({ id: intent.body.id, sellerPhone: null });
    expect((await api.call('GET', `/api/listings/${l.id}/intents`, { token: t.buyer })).status).toBe(404);
    expect((await post(`/api/intents/${intent.body.id}/decide`, t.buyer, { decision: 'accept' })).status).toBe(404);
    const list = await api.call('GET', `/api/listings/${l.id}/intents`, { token: t.seller });
    expect(list.body.items[0]).toMatchObject({ buyerPhone: '13700000001', quantity: 4 });
    const accepted = await post(`/api/intents/${intent.body.id}/decide`, t.seller, { decision: 'accept' });
    expect(accepted.body.state).toBe('accepted');
    expect((await post(`/api/intents/${intent.body.id}/decide`, t.seller, { decision: 'decline' })).body.error.code).toBe('ALREADY_DECIDED');
    expect((await api.call('GET', '/api/intents/mine', { token: t.buyer })).body.items[0]).toMatchObject({ state: 'accepted', sellerPhone: '13911112222' });
    expect((await api.call('GET', `/api/listings/${l.id}`, { token: t.buyer })).body.quantity).toBe(6);
    expect(await notices(ids.buyer, 'intent_decided')).toBe(1);
  });

  it('sells out at zero and declines whoever still waits; the seller can close early', async () => {
    const l = await published({ ...EGGS, quantity: 3 });
    const a = (await post(`/api/listings/${l.id}/intents`, t.buyer, { quantity: 3, phone: '13700000001' })).body;
    const b = (await post(`/api/listings/${l.id}/intents`, t.stranger, { quantity: 2, phone: '13700000002' })).body;
    await post(`/api/intents/${a.id}/decide`, t.seller, { decision: 'accept' });
    expect((await api.call('GET', `/api/listings/${l.id}`, { token: t.buyer })).body).toMatchObject({ state: 'sold_out', quantity: 0, can: { intend: false } });
    expect((await api.call('GET', '/api/intents/mine', { token: t.stranger })).body.items.find((i: { id: string }) => i.id === b.id)).toMatchObject({
      state: 'declined',
      declineReason: '已售完',
    });
    const c = await published();
    const w = (await post(`/api/listings/${c.id}/intents`, t.stranger, { quantity: 1, phone: '13700000002' })).body;
    expect((await post(`/api/listings/${c.id}/close`, t.buyer, { state: 'closed' })).status).toBe(404);
    expect((await post(`/api/listings/${c.id}/close`, t.seller, { state: 'closed' })).body.state).toBe('closed');
    expect((await api.call('GET', '/api/intents/mine', { token: t.stranger })).body.items.find((i: { id: string }) => i.id === w.id).state).toBe('declined');
    expect((await post(`/api/intents/${w.id}/cancel`, t.stranger)).body.error.code).toBe('ALREADY_DECIDED');
  });

  it("lets only the village's cadre feature a listing, which then leads the list", async () => {
    const l = await published({ ...EGGS, title: '蜂蜜', category: 'specialty' });
    expect((await post(`/api/listings/${l.id}/feature`, t.head, { featured: true })).status).toBe(403);
    expect((await post(`/api/listings/${l.id}/feature`, t.cadre, { featured: true })).body.featured).toBe(true);
    await published({ ...EGGS, title: '更新的蛋' });
    const first = (await api.call('GET', `/api/listings?villageId=${tree.villages[0].id}&limit=1`, { token: t.buyer })).body;
    expect(first.items[0].id).toBe(l.id);
    const rest = (await api.call('GET', `/api/listings?villageId=${tree.villages[0].id}&limit=50&cursor=${first.nextCursor}`, { token: t.buyer })).body;
    expect(rest.items.map((x: { id: string }) => x.id)).not.toContain(l.id);
    expect(rest.items.length).toBeGreaterThan(0);
  });

  it("never lets anyone edit another's listing", async () => {
    const l = (await newListing()).body;
    for (const who of ['neighbour', 'head', 'cadre', 'buyer'] as const) {
      const r = await api.call('PATCH', `/api/listings/${l.id}`, { token: t[who], body: { priceFen: 1 } });
      expect({ who, status: r.status }).toEqual({ who, status: 404 });
    }
  });

  it('expires a listing after the configured days and declines waiting buyers', async () => {
    const l = await published();
    const i = (await post(`/api/listings/${l.id}/intents`, t.buyer, { quantity: 1, phone: '13700000001' })).body;
    const clock = new TestClock(Date.now() + 31 * 86_400_000);
    await runDueWork(workCtx(d(), clock));
    expect((await api.call('GET', `/api/listings/${l.id}`, { token: t.seller })).body.state).toBe('expired');
    expect((await api.call('GET', `/api/listings/${l.id}`, { token: t.buyer })).status).toBe(404);
    expect((await api.call('GET', '/api/intents/mine', { token: t.buyer })).body.items.find((x: { id: string }) => x.id === i.id).state).toBe('declined');
    expect(await notices(ids.seller, 'market_expired')).toBeGreaterThanOrEqual(1);
  });

  it('gives reviewers their queue only', async () => {
    const l = (await newListing()).body;
    await post(`/api/listings/${l.id}/submit`, t.seller);
    const q = await api.call('GET', '/api/listings/review-queue', { token: t.head });
    expect(q.body.listings.map((x: { id: string }) => x.id)).toContain(l.id);
    expect((await api.call('GET', '/api/listings/review-queue', { token: t.otherHead })).body.listings.map((x: { id: string }) => x.id)).not.toContain(l.id);
    expect((await api.call('GET', '/api/listings/review-queue', { token: t.neighbour })).status).toBe(403);
  });
});

describe('找活干 jobs', () => {
  const JOB = {
    title: '摘柑子',
    description: '柑子园采摘',
    payFen: 12000,
    payUnit: 'day',
    place: '石坝村柑子园',
    startDate: '2026-12-01',
    endDate: '2026-12-05',
    headcount: 2,
  };

  it('posts, checks, approves, hires up to the headcount and records both sides of the work', async () => {
    expect((await post('/api/jobs', t.seller, { ...JOB, endDate: '2026-11-01' })).body.error.code).toBe('JOB_DATES_INVALID');
    const job = (await post('/api/jobs', t.seller, { ...JOB, employer: { kind: 'cooperative', name: '柑橘合作社' } })).body;
    expect(job).toMatchObject({ state: 'draft', employer: { kind: 'cooperative', name: '柑橘合作社' } });
    expect((await post(`/api/jobs/${job.id}/submit`, t.seller)).body.state).toBe('pending_review');
    expect((await post(`/api/jobs/${job.id}/applications`, t.buyer)).status).toBe(404);
    expect((await post(`/api/jobs/${job.id}/review`, t.cadre, { decision: 'approve' })).body.state).toBe('published');
    expect((await api.call('GET', '/api/jobs', { token: t.buyer })).body.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect((await post(`/api/jobs/${job.id}/applications`, t.seller)).body.error.code).toBe('OWN_POST');
    const apps = [];
    for (const who of ['buyer', 'stranger', 'neighbour'] as const) apps.push((await post(`/api/jobs/${job.id}/applications`, t[who], { note: '能干' })).body);
    expect((await post(`/api/jobs/${job.id}/applications`, t.buyer)).body.error.code).toBe('ALREADY_APPLIED');
    expect(await notices(ids.seller, 'job_application')).toBe(3);
    expect((await api.call('GET', `/api/jobs/${job.id}/applications`, { token: t.buyer })).status).toBe(404);
    expect((await post(`/api/applications/${apps[0].id}/work`, t.buyer, { days: 1, payFen: 100 })).body.error.code).toBe('NOT_HIRED');
    await post(`/api/applications/${apps[0].id}/decide`, t.seller, { decision: 'accept' });
    await post(`/api/applications/${apps[1].id}/decide`, t.seller, { decision: 'accept' });
    expect((await api.call('GET', `/api/jobs/${job.id}`, { token: t.buyer })).body).toMatchObject({ state: 'filled', accepted: 2 });
    const third = (await api.call('GET', '/api/applications/mine', { token: t.neighbour })).body.items[0];
    expect(third.state).toBe('declined');
    expect((await post(`/api/applications/${apps[2].id}/decide`, t.seller, { decision: 'accept' })).body.error.code).toBe('ALREADY_DECIDED');

    const w = await post(`/api/applications/${apps[0].id}/work`, t.buyer, { days: 2.5, payFen: 30000 });
    expect(w.body.records).toMatchObject({ worker: { days: 2.5, payFen: 30000 }, poster: null, agreed: null });
    const p = await post(`/api/applications/${apps[0].id}/work`, t.seller, { days: 2, payFen: 24000 });
    expect(p.body.records).toMatchObject({ worker: { days: 2.5 }, poster: { days: 2, payFen: 24000 }, agreed: false });
    const fixed = await post(`/api/applications/${apps[0].id}/work`, t.seller, { days: 2.5, payFen: 30000 });
    expect(fixed.body.records.agreed).toBe(true);
    expect((await post(`/api/applications/${apps[0].id}/work`, t.neighbour, { days: 1, payFen: 1 })).status).toBe(404);
    expect((await post(`/api/applications/${apps[0].id}/work`, t.buyer, { days: 0.3, payFen: 1 })).status).toBe(400);
    const mine = (await api.call('GET', '/api/applications/mine', { token: t.buyer })).body.items[0];
    expect(mine).toMatchObject({ state: 'accepted', records: { agreed: true } });
  });

  it('lets a cadre post for the village, reviewed by a cadre', async () => {
    const job = (await post('/api/jobs', t.cadre, { ...JOB, employer: { kind: 'village', name: '村集体' } })).body;
    expect(job.employer.kind).toBe('village');
    expect((await post(`/api/jobs/${job.id}/submit`, t.cadre)).body.state).toBe('pending_review');
    const q = await api.call('GET', '/api/listings/review-queue', { token: t.cadre });
    expect(q.body.jobs.map((j: { id: string }) => j.id)).toContain(job.id);
    expect((await api.call('GET', '/api/listings/review-queue', { token: t.head })).body.jobs.map((j: { id: string }) => j.id)).not.toContain(job.id);
  });
});
