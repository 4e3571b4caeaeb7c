import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addCredits, listCredits } from '../../db/queries/credits';
import { listInbox } from '../../db/queries/inbox';
import { findNotification } from '../../db/queries/notifications';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import type { TServiceContext } from '../../functions/services/context';
import { dispatchNotifications } from '../../functions/services/notifications/dispatch-notifications';
import { notify } from '../../functions/services/notifications/notify';
import { backoffMs } from '../../shared/domain/backoff';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { TestClock, workCtx } from '../helpers/work';

const db = useTestDb();
let wx: TFakeWechat;
let tree: TOrgTree;
let clock: TestClock;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '600' }));
  tree = await createOrgTree(db.handle().db);
});
afterAll(() => wx.stop());
let hour = 0;
beforeEach(() => {
  // each test an hour apart, so per-minute limits (force_refresh) never couple tests
  clock = new TestClock(Date.now() + ++hour * 3600e3);
});

const d = () => db.handle().db;
const sctx = (): TServiceContext => ({
  db: d(),
  dbKind: 'pglite',
  now: clock.now,
  actor: null,
  requestId: 't',
  env: testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '600' }),
});

/** A cleaner with a WeChat identity and `credits` bin_task subscriptions. */
async function cleaner(credits: number) {
  const p = await createPersonWithRole(d(), tree, 'cleaner');
  const openid = wx.openidFor(`cleaner-${randomUUID()}`);
  await createWechatIdentity(d(), p.personId, wx.appId, openid);
  if (credits) await addCredits(d(), p.personId, 'bin_task', credits, clock.now());
  return { ...p, openid };
}

async function enqueueBinTask(personId: string, binLabel = '07号桶 桂花院门口', key: string = randomUUID()) {
  await d().transaction((tx) =>
    notify(sctx(), tx, [
      { recipientId: personId, template: 'bin_task', payload: { binLabel, place: '桂花院', reportedAt: clock.now().toISOString() }, dedupeKey: `t:${key}` },
    ]),
  );
  return key;
}

const dispatch = () => dispatchNotifications(workCtx(d(), clock));
const stateOf = async (personId: string) => {
  const r = await d().execute(sql`select id, state, push_state, attempts, last_error from notifications where recipient_id = ${personId} order by created_at`);
  return (r as unknown as { rows: { id: string; state: string; push_state: string | null; attempts: number; last_error: string | null }[] }).rows;
};

describe('outbox enqueue', () => {
  it('notifies nobody when the event transaction rolls back', async () => {
    const c = await cleaner(0);
    await expect(
      d().transaction(async (tx) => {
        await notify(sctx(), tx, [{ recipientId: c.personId, template: 'bin_task', payload: { binLabel: 'x' } }]);
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await stateOf(c.personId)).toEqual([]);
  });

  it('enqueues an event once per dedupe key', async () => {
    const c = await cleaner(0);
    await enqueueBinTask(c.personId, 'a', 'same-event');
    await enqueueBinTask(c.personId, 'a', 'same-event');
    expect(await stateOf(c.personId)).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('puts every notification in the inbox, and pushes none without a credit', async () => {
    const c = await cleaner(0);
    await enqueueBinTask(c.personId);
    await dispatch();
    const [n] = await stateOf(c.personId);
    expect(n).toMatchObject({ state: 'done', push_state: 'no_credit' });
    const inbox = await listInbox(d(), c.personId, 10);
    expect(inbox).toEqual([expect.objectContaining({ title: '新的清运任务', body: '07号桶 桂花院门口已满，请前往清运', readAt: null })]);
  });

  it('spends one credit per push and sends fields WeChat accepts', async () => {
    const c = await cleaner(2);
    await enqueueBinTask(c.personId, '村东头大榕树下第三个绿色垃圾桶（靠近小卖部）');
    await dispatch();
    expect((await stateOf(c.personId))[0]).toMatchObject({ state: 'done', push_state: 'sent' });
    const msg = wx.sent.find((m) => m.touser === c.openid)!;
    expect(msg.template_id).toBe('TPL_BIN_TASK');
    expect([...msg.data.thing1.value]).toHaveLength(20);
    expect(msg.data.thing1.value.endsWith('…')).toBe(true);
    expect(msg.data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await listCredits(d(), c.personId)).bin_task).toBe(1);
  });

  it('treats 43101 as a credit gone: no retry, inbox kept', async () => {
    const c = await cleaner(3);
    await enqueueBinTask(c.personId);
    wx.failNext('subscribe_send', { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    await dispatch();
    expect((await stateOf(c.personId))[0]).toMatchObject({ state: 'done', push_state: 'refused' });
    expect((await listCredits(d(), c.personId)).bin_task).toBe(0);
    expect(await listInbox(d(), c.personId, 10)).toHaveLength(1);
  });

  it.each([
    ['an invalid token (40001)', 40001],
    ['an expired token (42001)', 42001],
  ])('refreshes the token once after %s and retries the send', async (_, errcode) => {
    const c = await cleaner(1);
    await enqueueBinTask(c.personId);
    const forced = wx.tokens.forced;
    wx.failNext('subscribe_send', { errcode });
    await dispatch();
    expect((await stateOf(c.personId))[0]).toMatchObject({ state: 'done', push_state: 'sent' });
    expect(wx.tokens.forced).toBe(forced + 1);
  });

  it('renews a token WeChat expired and keeps sending', async () => {
    const c = await cleaner(1);
    await enqueueBinTask(c.personId);
    await dispatch(); // makes sure a token exists
    clock.advance(61_000); // past the force-refresh rate limit
    wx.expireToken();
    const c2 = await cleaner(1);
    await enqueueBinTask(c2.personId);
    await dispatch();
    expect((await stateOf(c2.personId))[0]).toMatchObject({ state: 'done', push_state: 'sent' });
  });

  it.each([
    ['bad data (47003)', 47003],
    ['a bad openid (40003)', 40003],
    ['a bad page (41030)', 41030],
  ])('fails permanently on %s, keeping the reason and the credit', async (_, errcode) => {
    const c = await cleaner(1);
    await enqueueBinTask(c.personId);
    wx.failNext('subscribe_send', { errcode, errmsg: 'nope' });
    await dispatch();
    const [n] = await stateOf(c.personId);
    expect(n).toMatchObject({ state: 'failed', push_state: 'failed', attempts: 1 });
    expect(n.last_error).toContain(`errcode ${errcode}`);
    expect((await listCredits(d(), c.personId)).bin_task).toBe(1);
    expect(await listInbox(d(), c.personId, 10)).toHaveLength(1);
  });

  it.each([
    ['a busy WeChat (-1)', { errcode: -1 }],
    ['an HTTP 503', { httpStatus: 503 }],
    ['a timeout', { delayMs: 800 }],
  ])('retries after %s with backoff, refunding the credit', async (_, fault) => {
    const c = await cleaner(1);
    await enqueueBinTask(c.personId);
    wx.failNext('subscribe_send', fault);
    await dispatch();
    let [n] = await stateOf(c.personId);
    expect(n).toMatchObject({ state: 'pending', push_state: null, attempts: 1 });
    expect((await listCredits(d(), c.personId)).bin_task).toBe(1);

    clock.advance(backoffMs(1, { random: () => 0.5 }) - 1000);
    expect((await dispatch()).claimed).toBe(0); // not due yet
    clock.advance(2000);
    await dispatch();
    [n] = await stateOf(c.personId);
    expect(n).toMatchObject({ state: 'done', push_state: 'sent', attempts: 2 });
    expect(await listInbox(d(), c.personId, 10)).toHaveLength(1); // delivered twice, shown once
  });

  it('gives up after the attempt cap, keeps the last error, and can be retried', async () => {
    const c = await cleaner(1);
    await enqueueBinTask(c.personId);
    for (let i = 1; i <= 8; i++) {
      wx.failNext('subscribe_send', { errcode: -1, errmsg: 'system busy' });
      await dispatch();
      clock.advance(backoffMs(i, { random: () => 0.5 }) + 1);
    }
    const [n] = await stateOf(c.personId);
    expect(n).toMatchObject({ state: 'failed', attempts: 8 });
    expect(n.last_error).toContain('gave up after 8 attempts');
    expect((await dispatch()).claimed).toBe(0);
    const row = await findNotification(d(), n.id);
    expect(row?.state).toBe('failed');
  });

  it('delivers higher priority first', async () => {
    const c = await cleaner(0);
    await d().transaction((tx) =>
      notify(sctx(), tx, [
        { recipientId: c.personId, template: 'request_update', payload: { summary: '低' } },
        { recipientId: c.personId, template: 'sos', payload: { callerName: '张婆婆', address: '1号' } },
      ]),
    );
    const r = await d().execute(sql`select template from notifications where recipient_id = ${c.personId} order by priority desc, run_at limit 1`);
    expect((r as unknown as { rows: { template: string }[] }).rows[0].template).toBe('sos');
    await dispatch();
    expect((await listInbox(d(), c.personId, 10)).map((m) => m.template).sort()).toEqual(['request_update', 'sos']);
  });
});

describe('the shared access token', () => {
  it('is fetched once, cached for every instance, and renewed before expiry', async () => {
    const { getAccessToken } = await import('../../functions/services/wechat/access-token');
    const cfg = { appId: wx.appId, appSecret: wx.appSecret, apiBase: wx.url, timeoutMs: 500 };
    await d().execute(sql`delete from wechat_tokens`);
    const fetches = () => wx.calls.filter((c) => c.endpoint === 'stable_token').length;
    const before = fetches();
    const t0 = new Date();
    const a = await getAccessToken(d(), cfg, t0);
    const b = await getAccessToken(d(), cfg, new Date(t0.getTime() + 3600e3)); // another instance, an hour later
    expect(b).toBe(a);
    expect(fetches()).toBe(before + 1);
    wx.expireToken(); // WeChat rolls the token near expiry
    const c = await getAccessToken(d(), cfg, new Date(t0.getTime() + 7200e3 - 4 * 60e3)); // inside the renew margin
    expect(c).not.toBe(a);
    expect(fetches()).toBe(before + 2);
  });

  it('force-refreshes at most once a minute, across instances', async () => {
    const { getAccessToken } = await import('../../functions/services/wechat/access-token');
    const cfg = { appId: wx.appId, appSecret: wx.appSecret, apiBase: wx.url, timeoutMs: 500 };
    const t0 = new Date(Date.now() + 10 * 60e3);
    const token = await getAccessToken(d(), cfg, t0);
    const forced = wx.tokens.forced;
    const renewed = await getAccessToken(d(), cfg, t0, token);
    await getAccessToken(d(), cfg, new Date(t0.getTime() + 1000), renewed);
    expect(wx.tokens.forced).toBe(forced + 1);
    await getAccessToken(d(), cfg, new Date(t0.getTime() + 61_000), renewed);
    expect(wx.tokens.forced).toBe(forced + 2);
  });
});
