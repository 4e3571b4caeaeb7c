import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { media, people, pointsBalances, sessions, wechatIdentities } from '../../db/schema';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { DELETED_PERSON_NAME, LEGAL_VERSION } from '../../shared/domain/privacy';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { expectReconciled, grantPoints } from '../helpers/points';

/** 用户协议/隐私政策 consent at sign-in, 我的数据, and 注销 confirmed by a cadre — over HTTP. */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
let wx: TFakeWechat;
let tree: TOrgTree;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret }));
  tree = await createOrgTree(d(), { villages: 2, courtyards: 1 });
});
afterAll(() => wx.stop());

const login = (code: string, consentVersion?: string) =>
  api.call('POST', '/api/auth/wechat-login', { body: { code, ...(consentVersion ? { consentVersion } : {}) } });
const me = async (token: string) => (await api.call('GET', '/api/me', { token })).body;

describe('consent at sign-in', () => {
  it('refuses WeChat sign-in without the ticked version, before WeChat is asked and before anyone is created', async () => {
    const calls = wx.calls.length;
    const r = await login(wx.codeFor(`no-consent-${randomUUID()}`));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CONSENT_REQUIRED');
    expect(r.body.error.message).toContain('用户协议');
    expect(wx.calls.length).toBe(calls);
  });

  it('refuses an old version with CONSENT_OUTDATED', async () => {
    const r = await login(wx.codeFor(`old-${randomUUID()}`), '2020-01-01');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CONSENT_OUTDATED');
  });

  it('records who agreed to which version and when; /api/me says it is current', async () => {
    const r = await login(wx.codeFor(`agree-${randomUUID()}`), LEGAL_VERSION);
    expect(r.status).toBe(200);
    const m = await me(r.body.token);
    expect(m.consent).toMatchObject({ current: LEGAL_VERSION, agreedVersion: LEGAL_VERSION, agreed: true });
    const rows = await d().execute(sql`select version, agreed_at from consents where person_id = ${r.body.person.id}`);
    expect((rows as unknown as { rows: { version: string }[] }).rows.map((x) => x.version)).toEqual([LEGAL_VERSION]);
  });

  it('asks a person whose agreed version is older again, and records the new one', async () => {
    const { personId } = await createPersonWithRole(d(), tree, 'villager');
    await d().execute(sql`insert into consents (person_id, version, agreed_at) values (${personId}, '2020-01-01', now())`);
    const token = await tokenFor(d(), personId);
    expect((await me(token)).consent).toMatchObject({ agreedVersion: '2020-01-01', agreed: false });
    expect((await api.call('POST', '/api/me/consent', { token, body: { version: '2020-01-01' } })).body.error.code).toBe('CONSENT_OUTDATED');
    const ok = await api.call('POST', '/api/me/consent', { token, body: { version: LEGAL_VERSION } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ agreedVersion: LEGAL_VERSION, agreed: true });
    expect((await me(token)).consent.agreed).toBe(true);
  });

  it('records the demo sign-in consent when ticked, and leaves it unagreed when not (the app asks)', async () => {
    const ticked = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true, consentVersion: LEGAL_VERSION } });
    expect((await me(ticked.body.token)).consent.agreed).toBe(true);
    const unticked = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true } });
    expect((await me(unticked.body.token)).consent).toMatchObject({ agreedVersion: null, agreed: false });
  });
});

describe('我的数据 and 注销', () => {
  let person: string;
  let token: string;
  let cadre: string;
  let otherCadre: string;
  let photoId: string;

  beforeAll(async () => {
    person = (await createPersonWithRole(d(), tree, 'villager', {}, '赵注销')).personId;
    await d().update(people).set({ phone: '13912345678', elderly: true }).where(eq(people.id, person));
    await createWechatIdentity(d(), person, wx.appId, `openid-${randomUUID()}`, `unionid-${randomUUID()}`);
    await d().execute(sql`insert into consents (person_id, version, agreed_at) values (${person}, ${LEGAL_VERSION}, now())`);
    token = await tokenFor(d(), person);
    cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    otherCadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId);
    photoId = (await api.call('POST', '/api/media', { token, body: { dataBase64: PNG.toString('base64') } })).body.id;
    const req = await api.call('POST', '/api/requests', { token, body: { category: 'other', text: '门口的路灯坏了', photoIds: [photoId] } });
    expect(req.status).toBe(201);
    await grantPoints(d(), person, 30);
  });

  it('downloads everything about the person as one JSON file', async () => {
    const r = await api.call('GET', '/api/me/data', { token });
    expect(r.status).toBe(200);
    expect(r.body.person).toMatchObject({ id: person, name: '赵注销', phone: '13912345678', elderly: true });
    expect(r.body.household).toMatchObject({ label: '1号' });
    expect(r.body.requests).toHaveLength(1);
    expect(r.body.requests[0]).toMatchObject({ text: '门口的路灯坏了', photo_ids: [photoId] });
    expect(r.body.photos.map((p: { id: string }) => p.id)).toEqual([photoId]);
    expect(r.body.pointsLedger.map((e: { amount: number }) => e.amount)).toContain(30);
    expect(r.body.pointsBalance).toBeGreaterThanOrEqual(30);
    expect(r.body.consents.map((c: { version: string }) => c.version)).toEqual([LEGAL_VERSION]);
    expect(r.body.wechat).toHaveLength(1);
    expect(r.body.roles[0]).toMatchObject({ role: 'villager' });
    for (const k of ['listings', 'intents', 'jobs', 'applications', 'redemptions', 'sosCalls', 'binReports', 'joinRequests', 'deletionRequests'])
      expect(Array.isArray(r.body[k])).toBe(true);
    expect(JSON.stringify(r.body)).not.toMatch(/token_hash|bytes/);
  });

  it('asks once; a cadre of another village neither sees nor confirms it; the village cadre confirms and the person is anonymised', async () => {
    const balanceBefore = (await d().select().from(pointsBalances).where(eq(pointsBalances.personId, person)))[0].balance;
    const asked = await api.call('POST', '/api/me/deletion-request', { token });
    expect(asked.status).toBe(200);
    expect(asked.body.state).toBe('pending');
    expect((await api.call('POST', '/api/me/deletion-request', { token })).body.error.code).toBe('DELETION_PENDING');
    expect((await me(token)).deletionRequest).toMatchObject({ id: asked.body.id, state: 'pending' });

    const list = await api.call('GET', `/api/villages/${tree.villages[0].id}/deletion-requests`, { token: cadre });
    expect(list.body.items).toEqual([{ id: asked.body.id, name: '赵注销', requestedAt: asked.body.requestedAt }]);
    expect((await api.call('GET', `/api/villages/${tree.villages[1].id}/deletion-requests`, { token: otherCadre })).body.items).toEqual([]);
    const wrongVillage = await api.call('POST', `/api/villages/${tree.villages[1].id}/deletion-requests/${asked.body.id}/confirm`, { token: otherCadre });
    expect(wrongVillage.status).toBe(404);
    expect((await api.call('POST', `/api/villages/${tree.villages[0].id}/deletion-requests/${asked.body.id}/confirm`, { token })).status).toBe(403);

    const done = await api.call('POST', `/api/villages/${tree.villages[0].id}/deletion-requests/${asked.body.id}/confirm`, { token: cadre });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('confirmed');
    expect((await api.call('POST', `/api/villages/${tree.villages[0].id}/deletion-requests/${asked.body.id}/confirm`, { token: cadre })).body.error.code).toBe(
      'ALREADY_DECIDED',
    );

    const [p] = await d().select().from(people).where(eq(people.id, person));
    expect(p).toMatchObject({ name: DELETED_PERSON_NAME, phone: null, elderly: false });
    expect(await d().select().from(wechatIdentities).where(eq(wechatIdentities.personId, person))).toEqual([]);
    expect((await d().select().from(sessions).where(eq(sessions.personId, person))).every((s) => s.revokedAt !== null)).toBe(true);
    expect(await d().select().from(media).where(eq(media.ownerId, person))).toEqual([]);
    // signed out: the old token no longer works
    expect((await api.call('GET', '/api/me', { token })).status).toBe(401);
    // the ledger rows and the balance stay with the anonymised person; the books still add up
    expect((await d().select().from(pointsBalances).where(eq(pointsBalances.personId, person)))[0].balance).toBe(balanceBefore);
    const ledger = await d().execute(sql`select count(*)::int as n from points_ledger where person_id = ${person}`);
    expect((ledger as unknown as { rows: { n: number }[] }).rows[0].n).toBeGreaterThan(0);
    const reqs = await d().execute(sql`select photo_ids from requests where requester_id = ${person}`);
    expect((reqs as unknown as { rows: { photo_ids: unknown }[] }).rows).toHaveLength(1);
    expect(String((reqs as unknown as { rows: { photo_ids: unknown }[] }).rows[0].photo_ids)).not.toContain(photoId);
    await expectReconciled(d());
    expect((await api.call('GET', `/api/villages/${tree.villages[0].id}/deletion-requests`, { token: cadre })).body.items).toEqual([]);
  });

  it('carries out at once the request of a person who belongs to no village (no cadre to ask)', async () => {
    const s = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true, consentVersion: LEGAL_VERSION } });
    const r = await api.call('POST', '/api/me/deletion-request', { token: s.body.token });
    expect(r.body.state).toBe('confirmed');
    const [p] = await d().select().from(people).where(eq(people.id, s.body.person.id));
    expect(p.name).toBe(DELETED_PERSON_NAME);
    expect((await api.call('GET', '/api/me', { token: s.body.token })).status).toBe(401);
  });
});

describe('phones masked unless the viewer needs them', () => {
  it('shows a cadre picking a cleaner only 138****0000, and the cleaner themself nothing masked in 我的', async () => {
    const { personId: cleaner } = await createPersonWithRole(d(), tree, 'cleaner', { village: 1 });
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId);
    const list = await api.call('GET', `/api/villages/${tree.villages[1].id}/cleaners`, { token: cadre });
    expect(list.body.items.find((c: { id: string }) => c.id === cleaner).phone).toBe('138****0000');
    expect((await me(await tokenFor(d(), cleaner))).person.phone).toBe('13800000000');
  });

  it("gives the SOS responder's number whole to the caller only; staff following the call see it masked, and all who may answer see the caller's", async () => {
    const sosTree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const { personId: caller } = await createPersonWithRole(d(), sosTree, 'villager', {}, '呼叫人');
    const { personId: head } = await createPersonWithRole(d(), sosTree, 'courtyard_head', {}, '院长');
    const { personId: cadre } = await createPersonWithRole(d(), sosTree, 'village_cadre', {}, '村干部');
    await d().update(people).set({ sosEnabled: true, phone: '13711112222' }).where(eq(people.id, caller));
    await d().update(people).set({ phone: '13933334444' }).where(eq(people.id, head));
    const callerToken = await tokenFor(d(), caller);
    const call = await api.call('POST', '/api/sos', { token: callerToken, body: {} });
    expect(call.status).toBe(201);
    expect(call.body.phone).toBe('13711112222');
    const headToken = await tokenFor(d(), head);
    expect((await api.call('GET', `/api/sos/${call.body.id}`, { token: headToken })).body.phone).toBe('13711112222');
    expect((await api.call('POST', `/api/sos/${call.body.id}/ack`, { token: headToken, body: {} })).body.responder.phone).toBe('13933334444');
    expect((await api.call('GET', '/api/sos/mine', { token: callerToken })).body.call.responder.phone).toBe('13933334444');
    const seen = (await api.call('GET', `/api/sos/${call.body.id}`, { token: await tokenFor(d(), cadre) })).body;
    expect(seen.responder).toMatchObject({ name: '院长', phone: '139****4444' });
    expect(seen.phone).toBe('13711112222');
  });
});
