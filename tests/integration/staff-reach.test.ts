import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { holdLongTerm, listCredits, listLongTerm } from '../../db/queries/credits';
import { listDeliveries } from '../../db/queries/deliveries';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import type { TServiceContext } from '../../functions/services/context';
import { dispatchNotifications, SimulatedCrash } from '../../functions/services/notifications/dispatch-notifications';
import { dispatchSteps } from '../../functions/services/notifications/dispatch-steps';
import { notify } from '../../functions/services/notifications/notify';
import { ackKeys } from '../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../db/queries/notifications';
import { startFakeSms, type TFakeSms } from '../helpers/fake-sms';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { TestClock, workCtx } from '../helpers/work';

/**
 * Staff reach (decision 014): a long-term subscription reaches a cleaner with every task, not
 * only the first after a tap; each channel keeps its own send record; acknowledging stops the
 * chain to later steps.
 */
const db = useTestDb();
let wx: TFakeWechat;
let tree: TOrgTree;
let clock: TestClock;
const d = () => db.handle().db;

/** bin_task is a long-term template here (政务民生); sos stays one-time. */
const TEMPLATES = JSON.stringify({
  bin_task: { id: 'TPL_BIN_TASK', page: 'pkg-clean/tasks/index', fields: { thing1: 'binLabel', thing2: 'place', time3: 'reportedAt' }, longTerm: true },
  sos: { id: 'TPL_SOS', fields: { name1: 'callerName', thing2: 'address', phone_number3: 'phone' } },
});
const env = (more: Record<string, string> = {}) =>
  testEnv({
    ...more,
    WECHAT_API_BASE: wx.url,
    WECHAT_APP_ID: wx.appId,
    WECHAT_APP_SECRET: wx.appSecret,
    // a send that times out is retried later and so missed by drain(): give a loaded, in-band
    // test process room (no test here makes WeChat hang)
    WECHAT_TIMEOUT_MS: '2000',
    WECHAT_SUBSCRIBE_TEMPLATES: TEMPLATES,
  });

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(env());
  tree = await createOrgTree(d());
});
afterAll(() => wx.stop());
let hour = 0;
beforeEach(() => {
  clock = new TestClock(Date.now() + ++hour * 3600e3);
});

/** Dispatch passes until nothing is claimable: on the shared server database other tests' rows may be due too. */
async function drain() {
  while ((await dispatchNotifications(workCtx(d(), clock), { limit: 200 })).claimed > 0);
}

const sctx = (): TServiceContext => ({ db: d(), dbKind: 'pglite', now: clock.now, actor: null, requestId: 't', env: env() });

async function cleaner() {
  const p = await createPersonWithRole(d(), tree, 'cleaner');
  const openid = wx.openidFor(`cleaner-${randomUUID()}`);
  await createWechatIdentity(d(), p.personId, wx.appId, openid);
  return { ...p, openid };
}

async function binTask(personId: string, reportId = randomUUID()) {
  await d().transaction((tx) =>
    notify(sctx(), tx, [
      {
        recipientId: personId,
        template: 'bin_task',
        payload: { binLabel: '07号桶', place: '桂花院', reportedAt: clock.now().toISOString(), reportId },
        dedupeKey: `t:${randomUUID()}`,
        ackKey: ackKeys.binReport(reportId),
      },
    ]),
  );
  return reportId;
}

const sentTo = (openid: string) => wx.sent.filter((m) => m.touser === openid).length;
const rowsOf = async (personId: string) => {
  const r = await d().execute(
    sql`select id, state, push_state, step, step_due_at, acknowledged_at from notifications where recipient_id = ${personId} order by created_at`,
  );
  return (
    r as unknown as {
      rows: { id: string; state: string; push_state: string | null; step: number; step_due_at: string | null; acknowledged_at: string | null }[];
    }
  ).rows;
};

describe('long-term subscriptions', () => {
  it('reaches a cleaner with every task after one 「允许」, spending nothing', async () => {
    const c = await cleaner();
    await holdLongTerm(d(), c.personId, 'bin_task', clock.now());
    for (let i = 0; i < 5; i++) await binTask(c.personId);
    await drain();
    expect(sentTo(c.openid)).toBe(5);
    const rows = await rowsOf(c.personId);
    expect(rows.every((r) => r.state === 'done')).toBe(true);
    // the one-time path was never needed, and nothing was spent
    expect(rows.every((r) => r.push_state === null)).toBe(true);
    expect((await listCredits(d(), c.personId)).bin_task ?? 0).toBe(0);
    expect((await listDeliveries(d(), rows[0].id)).map((x) => [x.channel, x.state])).toEqual([['long_term', 'sent']]);
  });

  it("a one-time credit reaches only the first task of the day: the rest wait in the inbox (today's design, measured beside)", async () => {
    const c = await cleaner();
    const { addCredits } = await import('../../db/queries/credits');
    await addCredits(d(), c.personId, 'bin_task', 1, clock.now());
    for (let i = 0; i < 3; i++) await binTask(c.personId);
    await drain();
    expect(sentTo(c.openid)).toBe(1);
    expect((await rowsOf(c.personId)).map((r) => r.push_state).sort()).toEqual(['no_credit', 'no_credit', 'sent']);
  });

  it('drops the long-term subscription when WeChat says it is off (43101), and falls back to a credit', async () => {
    const c = await cleaner();
    await holdLongTerm(d(), c.personId, 'bin_task', clock.now());
    const { addCredits } = await import('../../db/queries/credits');
    await addCredits(d(), c.personId, 'bin_task', 1, clock.now());
    wx.failNext('subscribe_send', { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    await binTask(c.personId);
    await drain();
    expect(await listLongTerm(d(), c.personId)).toEqual([]);
    const [row] = await rowsOf(c.personId);
    expect(row.push_state).toBe('sent'); // the one-time credit carried it
    expect((await listDeliveries(d(), row.id)).map((x) => [x.channel, x.state])).toEqual([['long_term', 'refused']]);
  });

  it('never sends a channel twice: a dispatcher that died during the long-term call leaves it unknown', async () => {
    const c = await cleaner();
    await holdLongTerm(d(), c.personId, 'bin_task', clock.now());
    await binTask(c.personId);
    const crash = (stage: string) => {
      if (stage === 'after-send') throw new SimulatedCrash('killed after WeChat took it');
    };
    await expect(dispatchNotifications(workCtx(d(), clock, crash))).rejects.toBeInstanceOf(SimulatedCrash);
    expect(sentTo(c.openid)).toBe(1);
    clock.advance(61_000); // the lease runs out
    await drain();
    expect(sentTo(c.openid)).toBe(1);
    const [row] = await rowsOf(c.personId);
    expect(row.state).toBe('done');
    expect((await listDeliveries(d(), row.id)).map((x) => [x.channel, x.state])).toEqual([['long_term', 'unknown']]);
  });
});

describe('later steps and acknowledgement', () => {
  // the SMS step is kept only where SMS runs: here it runs against the fake Tencent Cloud SMS, so
  // a step that does come due (another test's unacknowledged task) texts the fake, never a phone
  let sms: TFakeSms;
  beforeAll(async () => {
    sms = await startFakeSms();
    setEnv(env(sms.env));
  });
  afterAll(async () => {
    setEnv(env());
    await sms.stop();
  });

  it("leaves the unacknowledged task's SMS step due 15 minutes after the task", async () => {
    const c = await cleaner();
    await binTask(c.personId);
    await drain();
    const [row] = await rowsOf(c.personId);
    expect(row.step).toBe(1);
    expect(new Date(row.step_due_at!).getTime()).toBe(clock.now().getTime() + 15 * 60_000);
    // not due yet: running the steps leaves it as it was
    await dispatchSteps(workCtx(d(), clock));
    expect((await rowsOf(c.personId))[0]).toMatchObject({ step: 1, step_due_at: row.step_due_at });
  });

  it('skips the SMS step once the report was handled, and schedules nothing after it', async () => {
    const c = await cleaner();
    const report = await binTask(c.personId);
    await drain();
    await acknowledgeByKey(d(), ackKeys.binReport(report), clock.now());
    clock.advance(16 * 60_000);
    // on the shared server database other tests' steps may be due too: run passes until ours ran
    let skipped = 0;
    for (let pass = 0; pass < 100 && (await rowsOf(c.personId))[0].step === 1; pass++)
      skipped += (await dispatchSteps(workCtx(d(), clock), { limit: 200 })).skipped;
    expect(skipped).toBeGreaterThanOrEqual(1);
    const [row] = await rowsOf(c.personId);
    expect(row.step).toBe(2);
    expect(row.acknowledged_at).not.toBeNull();
    expect(row.step_due_at).toBeNull();
    expect(await listDeliveries(d(), row.id)).toEqual([]);
  });
});
