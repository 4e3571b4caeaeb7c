import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { advanceAppClock } from '../../functions/runtime/clock';
import { ADMIN_LOGIN_COLLECT_MS, ADMIN_LOGIN_PAGE, ADMIN_LOGIN_TTL_MS, adminLoginTicketFrom } from '../../shared/domain/admin-login';
import { tokenFor, useApi } from '../helpers/api';
import { testEnv, useTestDb } from '../helpers/db';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';

/**
 * 扫码登录 (issue 15) over HTTP through the real routes: the back office takes a ticket, a
 * staff member's phone scans and confirms, the browser's poll collects the session once; the
 * phone lists and ends its sessions. On a township of this file's own.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let wx: TFakeWechat;
let tree: TOrgTree;
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, PUBLIC_BASE_URL: 'https://xyj.example' }));
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
});
afterAll(() => wx.stop());

type TTicket = { ticketId: string; pollSecret: string; expiresAt: string; scene: string; page: string; qr: { wxacode: string | null }; plain: string };

async function newTicket(): Promise<TTicket> {
  const r = await api.call<TTicket>('POST', '/api/admin-login/tickets', { body: {}, headers: { 'user-agent': CHROME_LINUX } });
  expect(r.status).toBe(201);
  return r.body;
}
const poll = (t: TTicket, secret = t.pollSecret) => api.call('GET', `/api/admin-login/tickets/${t.ticketId}?secret=${encodeURIComponent(secret)}`);
const step = (t: TTicket, what: 'scan' | 'confirm' | 'cancel', token: string) =>
  api.call('POST', `/api/admin-login/tickets/${t.ticketId}/${what}`, { token, body: {} });
const staff = async (role: 'village_cadre' | 'courtyard_head' | 'township_staff' | 'villager' | 'cleaner', name: string) => {
  const { personId } = await createPersonWithRole(d(), tree, role, {}, name);
  return { personId, token: await tokenFor(d(), personId) };
};

describe('扫码登录', () => {
  it('signs the browser in as the cadre who scanned and confirmed, with a mini-program code for the confirm page', async () => {
    const cadre = await staff('village_cadre', '扫码村干部');
    const t = await newTicket();
    expect(t.ticketId).toHaveLength(20);
    expect(t.scene).toBe(`a=${t.ticketId}`);
    expect(t.qr.wxacode).toMatch(/^data:image\/\w+;base64,/);
    expect(wx.wxacodes.at(-1)).toMatchObject({ scene: t.scene, page: ADMIN_LOGIN_PAGE });
    // the plain QR is the H5 confirm page, which the app's scanner reads back to the ticket
    expect(t.plain).toBe(`https://xyj.example/#/${ADMIN_LOGIN_PAGE}?scene=a%3D${t.ticketId}`);
    expect(adminLoginTicketFrom(t.plain)).toBe(t.ticketId);
    expect(Date.parse(t.expiresAt) - Date.now()).toBeGreaterThan(ADMIN_LOGIN_TTL_MS - 10_000);

    expect((await poll(t)).body).toMatchObject({ state: 'pending', session: null });
    const scanned = await step(t, 'scan', cadre.token);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ state: 'scanned', device: 'Chrome · Linux', expiresAt: t.expiresAt });
    expect((await poll(t)).body).toMatchObject({ state: 'scanned', session: null });

    expect((await step(t, 'confirm', cadre.token)).body).toMatchObject({ state: 'confirmed' });
    const first = await poll(t);
    expect(first.body.state).toBe('confirmed');
    expect(first.body.session.person).toEqual({ id: cadre.personId, name: '扫码村干部' });
    const me = await api.call('GET', '/api/me', { token: first.body.session.token });
    expect(me.status).toBe(200);
    expect(me.body.person.id).toBe(cadre.personId);

    // the session is listed on the phone as the browser, by 扫码登录
    const list = await api.call('GET', '/api/me/sessions', { token: cadre.token });
    const qr = list.body.items.find((s: { method: string }) => s.method === 'qr');
    expect(qr).toMatchObject({ device: 'Chrome · Linux', current: false });
    expect(list.body.items.find((s: { current: boolean }) => s.current).method).toBe('dev');
  });

  it('answers the token to one poll only; a second poll finds the ticket consumed', async () => {
    const head = await staff('courtyard_head', '院长甲');
    const t = await newTicket();
    await step(t, 'scan', head.token);
    await step(t, 'confirm', head.token);
    const [a, b] = await Promise.all([poll(t), poll(t)]);
    const sessions = [a.body.session, b.body.session].filter(Boolean);
    expect(sessions).toHaveLength(1);
    expect([a.body.state, b.body.state].sort()).toEqual(['confirmed', 'consumed']);
    expect((await poll(t)).body).toMatchObject({ state: 'consumed', session: null });
    // and the phone cannot confirm or cancel it again
    expect((await step(t, 'confirm', head.token)).body.error.code).toBe('ADMIN_LOGIN_DONE');
  });

  it('refuses a poll without the right secret, as if the ticket did not exist', async () => {
    const t = await newTicket();
    const wrong = await poll(t, 'x'.repeat(32));
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('ADMIN_LOGIN_NOT_FOUND');
    expect((await api.call('GET', `/api/admin-login/tickets/AAAAAAAAAAAAAAAAAAAA?secret=${t.pollSecret}`)).status).toBe(404);
  });

  it('expires after two minutes: the poll says so and the phone is told to refresh', async () => {
    const cadre = await staff('village_cadre', '晚到的村干部');
    const t = await newTicket();
    advanceAppClock(ADMIN_LOGIN_TTL_MS + 1000);
    try {
      expect((await poll(t)).body).toMatchObject({ state: 'expired', session: null });
      const late = await step(t, 'scan', cadre.token);
      expect(late.status).toBe(410);
      expect(late.body.error.message).toContain('已过期');
    } finally {
      advanceAppClock(-(ADMIN_LOGIN_TTL_MS + 1000));
    }
  });

  it('lapses a confirmation the browser never collects', async () => {
    const cadre = await staff('village_cadre', '确认后离开');
    const t = await newTicket();
    await step(t, 'scan', cadre.token);
    await step(t, 'confirm', cadre.token);
    advanceAppClock(ADMIN_LOGIN_COLLECT_MS + 1000);
    try {
      expect((await poll(t)).body).toMatchObject({ state: 'expired', session: null });
    } finally {
      advanceAppClock(-(ADMIN_LOGIN_COLLECT_MS + 1000));
    }
  });

  it('refuses a villager and a cleaner with a clear Chinese message', async () => {
    for (const role of ['villager', 'cleaner'] as const) {
      const p = await staff(role, `不能登录的${role}`);
      const t = await newTicket();
      const r = await step(t, 'scan', p.token);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe('管理后台只供院长、村干部和镇街管理员使用，您的账号不能扫码登录');
      expect((await poll(t)).body.state).toBe('pending');
    }
  });

  it('keeps a scanned ticket to the one who scanned it', async () => {
    const a = await staff('township_staff', '镇街甲');
    const b = await staff('village_cadre', '村干部乙');
    const t = await newTicket();
    await step(t, 'scan', a.token);
    const other = await step(t, 'confirm', b.token);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('ADMIN_LOGIN_TAKEN');
    expect((await step(t, 'scan', a.token)).body.state).toBe('scanned');
  });

  it('cancels on the phone: the browser is told and never signed in', async () => {
    const cadre = await staff('village_cadre', '取消的村干部');
    const t = await newTicket();
    await step(t, 'scan', cadre.token);
    expect((await step(t, 'cancel', cadre.token)).body.state).toBe('cancelled');
    expect((await poll(t)).body).toMatchObject({ state: 'cancelled', session: null });
    expect((await step(t, 'confirm', cadre.token)).body.error.code).toBe('ADMIN_LOGIN_DONE');
  });

  it('shows the plain QR alone when WeChat cannot make the mini-program code', async () => {
    wx.failNext('wxacode', { errcode: 41030, errmsg: 'invalid page' });
    const t = await newTicket();
    expect(t.qr.wxacode).toBeNull();
    expect(adminLoginTicketFrom(t.plain)).toBe(t.ticketId);
  });
});

describe('登录设备', () => {
  async function qrSession(p: { token: string }) {
    const t = await newTicket();
    await step(t, 'scan', p.token);
    await step(t, 'confirm', p.token);
    return (await poll(t)).body.session as { token: string };
  }

  it('revokes a browser from the phone: its token answers 401 from then on', async () => {
    const cadre = await staff('village_cadre', '退出电脑的村干部');
    const desk = await qrSession(cadre);
    expect((await api.call('GET', '/api/me', { token: desk.token })).status).toBe(200);
    const items = (await api.call('GET', '/api/me/sessions', { token: cadre.token })).body.items as { id: string; method: string }[];
    const id = items.find((s) => s.method === 'qr')!.id;
    expect((await api.call('POST', `/api/me/sessions/${id}/revoke`, { token: cadre.token, body: {} })).status).toBe(200);
    expect((await api.call('GET', '/api/me', { token: desk.token })).status).toBe(401);
    const after = (await api.call('GET', '/api/me/sessions', { token: cadre.token })).body.items as { id: string }[];
    expect(after.map((s) => s.id)).not.toContain(id);
  });

  it('cannot revoke another person’s session', async () => {
    const a = await staff('village_cadre', '村干部丙');
    const b = await staff('village_cadre', '村干部丁');
    const desk = await qrSession(a);
    const id = ((await api.call('GET', '/api/me/sessions', { token: a.token })).body.items as { id: string; method: string }[]).find(
      (s) => s.method === 'qr',
    )!.id;
    const r = await api.call('POST', `/api/me/sessions/${id}/revoke`, { token: b.token, body: {} });
    expect(r.status).toBe(404);
    expect((await api.call('GET', '/api/me', { token: desk.token })).status).toBe(200);
  });
});
