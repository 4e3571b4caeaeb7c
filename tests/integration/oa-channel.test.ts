import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addCredits } from '../../db/queries/credits';
import { listDeliveries } from '../../db/queries/deliveries';
import { findOaFollower, recordOaFollower } from '../../db/queries/oa-followers';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import type { TServiceContext } from '../../functions/services/context';
import { dispatchNotifications, SimulatedCrash } from '../../functions/services/notifications/dispatch-notifications';
import { notify } from '../../functions/services/notifications/notify';
import { ackKeys } from '../../shared/domain/channel-policy';
import { testEnv, useTestDb } from '../helpers/db';
import { fakeWechatEnv, startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { TestClock, workCtx } from '../helpers/work';

/**
 * The 公众号 channel (decision 014): a cleaner who follows the 公众号 gets every task as a template
 * message opening the task page in the mini-program, at most once per notification even when a
 * dispatcher dies mid-call; a link WeChat calls stale (43004, 40003) is marked and the one-time
 * subscription carries the message instead.
 */
const db = useTestDb();
let wx: TFakeWechat;
let tree: TOrgTree;
let clock: TestClock;
const d = () => db.handle().db;

const env = (extra: Record<string, string> = {}) =>
  testEnv({
    ...fakeWechatEnv(wx),
    // no test here makes WeChat hang: room for a loaded, in-band test process
    WECHAT_TIMEOUT_MS: '2000',
    ...extra,
  });

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(env());
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
});
afterAll(() => wx.stop());
let hour = 0;
beforeEach(() => {
  clock = new TestClock(Date.now() + ++hour * 3600e3);
  setEnv(env());
});

const sctx = (): TServiceContext => ({ db: d(), dbKind: 'pglite', now: clock.now, actor: null, requestId: 't', env: env() });

/** A cleaner signed in to the mini-program (identity with the shared unionid) who follows the 公众号 (WeChat and our records agree). */
async function followingCleaner(opts: { follows?: boolean } = {}) {
  const user = `cleaner-${randomUUID()}`;
  const { personId } = await createPersonWithRole(d(), tree, 'cleaner');
  const openid = wx.openidFor(user);
  const unionid = wx.unionidFor(user);
  await createWechatIdentity(d(), personId, wx.appId, openid, unionid);
  const oaOpenid = wx.oa.openidFor(user);
  if (opts.follows !== false) {
    await wx.oa.follow(oaOpenid, unionid, { push: false });
    await recordOaFollower(d(), { openid: oaOpenid, unionid, following: true, at: clock.now() });
  }
  return { personId, openid, oaOpenid, unionid };
}

async function binTask(personId: string) {
  const reportId = randomUUID();
  await d().transaction((tx) =>
    notify(sctx(), tx, [
      {
        recipientId: personId,
        template: 'bin_task',
        payload: { binLabel: '07号桶', place: '桂花院东口', reportedAt: clock.now().toISOString(), reportId },
        dedupeKey: `t:${randomUUID()}`,
        ackKey: ackKeys.binReport(reportId),
      },
    ]),
  );
}

const oaTo = (openid: string) => wx.oa.sent.filter((m) => m.touser === openid);
const rowOf = async (personId: string) => {
  const r = await d().execute(sql`select id, state, push_state, last_error from notifications where recipient_id = ${personId} order by created_at`);
  return (r as unknown as { rows: { id: string; state: string; push_state: string | null; last_error: string | null }[] }).rows;
};
const deliveries = async (id: string) => (await listDeliveries(d(), id)).map((x) => [x.channel, x.state]);

describe('the 公众号 channel', () => {
  it('sends a bin task as a template message that opens the task page in the mini-program', async () => {
    const c = await followingCleaner();
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    const [msg] = oaTo(c.oaOpenid);
    expect(oaTo(c.oaOpenid)).toHaveLength(1);
    expect(msg).toMatchObject({
      touser: c.oaOpenid,
      template_id: 'OA_TPL_BIN_TASK',
      miniprogram: { appid: wx.appId, pagepath: 'pkg-clean/tasks/index' },
      data: { thing1: { value: '07号桶' }, thing2: { value: '桂花院东口' } },
    });
    expect(msg.data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const [row] = await rowOf(c.personId);
    expect(row.state).toBe('done');
    expect(row.push_state).toBeNull(); // the one-time credit was not needed
    expect(await deliveries(row.id)).toEqual([['oa', 'sent']]);
  });

  it('reaches a cleaner with no subscription credits with every task of the day', async () => {
    const c = await followingCleaner();
    for (let i = 0; i < 6; i++) await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    expect(oaTo(c.oaOpenid)).toHaveLength(6);
    expect(wx.sent.filter((m) => m.touser === c.openid)).toHaveLength(0);
    const rows = await rowOf(c.personId);
    expect(rows.map((r) => r.state)).toEqual(Array(6).fill('done'));
  });

  it('sends an SOS on every push channel at once: the 公众号 and the one-time credit', async () => {
    const head = await followingCleaner();
    await addCredits(d(), head.personId, 'sos', 1, clock.now());
    await d().transaction((tx) =>
      notify(sctx(), tx, [
        {
          recipientId: head.personId,
          template: 'sos',
          payload: { callerName: '王奶奶', address: '桂花院3号', phone: '13800000000', sosId: randomUUID(), ticket: 'S260007' },
          dedupeKey: `t:${randomUUID()}`,
        },
      ]),
    );
    await dispatchNotifications(workCtx(d(), clock));
    expect(oaTo(head.oaOpenid)).toEqual([
      expect.objectContaining({
        template_id: 'OA_TPL_SOS',
        data: { thing1: { value: '桂花院3号' }, phone_number2: { value: '13800000000' }, character_string3: { value: 'S260007' } },
      }),
    ]);
    expect(wx.sent.filter((m) => m.touser === head.openid)).toHaveLength(1);
    const [row] = await rowOf(head.personId);
    expect(await deliveries(row.id)).toEqual([['oa', 'sent']]);
    expect(row.push_state).toBe('sent');
  });

  it('uses the 公众号 access token, cached apart from the mini-program one', async () => {
    const c = await followingCleaner();
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    const r = await d().execute(sql`select app_id from wechat_tokens where app_id = ${wx.oa.appId}`);
    expect((r as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    expect(wx.oa.tokens.issued).toBe(1);
  });

  it('sends once even when the dispatcher dies right after WeChat took the message and the step runs again', async () => {
    const c = await followingCleaner();
    await binTask(c.personId);
    const crash = (stage: string) => {
      if (stage === 'after-send') throw new SimulatedCrash('killed after WeChat took it');
    };
    await expect(dispatchNotifications(workCtx(d(), clock, crash))).rejects.toBeInstanceOf(SimulatedCrash);
    expect(oaTo(c.oaOpenid)).toHaveLength(1);
    clock.advance(61_000); // the lease runs out: the notification is claimed again
    await dispatchNotifications(workCtx(d(), clock));
    expect(oaTo(c.oaOpenid)).toHaveLength(1);
    const [row] = await rowOf(c.personId);
    expect(row.state).toBe('done');
    expect(await deliveries(row.id)).toEqual([['oa', 'unknown']]);
  });

  it('marks the link stale on 43004 (no longer following) and falls through to the one-time credit', async () => {
    const c = await followingCleaner();
    await addCredits(d(), c.personId, 'bin_task', 1, clock.now());
    await wx.oa.unfollow(c.oaOpenid, { push: false }); // the unsubscribe push never reached us
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    expect(oaTo(c.oaOpenid)).toHaveLength(0);
    expect(wx.sent.filter((m) => m.touser === c.openid)).toHaveLength(1);
    const [row] = await rowOf(c.personId);
    expect(row).toMatchObject({ state: 'done', push_state: 'sent' });
    expect(await deliveries(row.id)).toEqual([['oa', 'refused']]);
    expect((await findOaFollower(d(), c.oaOpenid))?.staleReason).toMatch(/^errcode 43004/);
    // the next task (a second later, so rows sort by time) does not try the stale link at all
    clock.advance(1000);
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    const [, second] = await rowOf(c.personId);
    expect(await deliveries(second.id)).toEqual([]);
    expect(second.push_state).toBe('no_credit');
  });

  it('marks the link stale on 40003 (an openid WeChat does not know)', async () => {
    const c = await followingCleaner();
    wx.oa.followers.delete(c.oaOpenid);
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    expect((await findOaFollower(d(), c.oaOpenid))?.staleReason).toMatch(/^errcode 40003/);
    const [row] = await rowOf(c.personId);
    expect(await deliveries(row.id)).toEqual([['oa', 'refused']]);
  });

  it('retries when WeChat is busy (-1), giving the send record back, and then sends once', async () => {
    const c = await followingCleaner();
    wx.failNext('oa_template_send', { errcode: -1, errmsg: 'system error' });
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    let [row] = await rowOf(c.personId);
    expect(row.state).toBe('pending');
    expect(await deliveries(row.id)).toEqual([]);
    clock.advance(3600e3);
    await dispatchNotifications(workCtx(d(), clock));
    [row] = await rowOf(c.personId);
    expect(row.state).toBe('done');
    expect(oaTo(c.oaOpenid)).toHaveLength(1);
    expect(await deliveries(row.id)).toEqual([['oa', 'sent']]);
  });

  it('renews a 公众号 token WeChat calls expired (42001) and sends', async () => {
    const c = await followingCleaner();
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock)); // a token is cached
    wx.oa.expireToken();
    await binTask(c.personId);
    await dispatchNotifications(workCtx(d(), clock));
    expect(oaTo(c.oaOpenid)).toHaveLength(2);
  });

  it('is unavailable (no record, next channel) when the 公众号 is not configured, the kind has no template, or the person is not linked', async () => {
    const linked = await followingCleaner();
    const unlinked = await followingCleaner({ follows: false });
    setEnv(env({ WECHAT_OA_APP_ID: '', WECHAT_OA_APP_SECRET: '', WECHAT_OA_TOKEN: '' }));
    await binTask(linked.personId);
    await dispatchNotifications(workCtx(d(), clock));
    setEnv(env({ WECHAT_OA_TEMPLATES: JSON.stringify({ sos: { id: 'OA_TPL_SOS', fields: { thing1: 'address' } } }) }));
    await binTask(linked.personId);
    await dispatchNotifications(workCtx(d(), clock));
    setEnv(env());
    await binTask(unlinked.personId);
    await dispatchNotifications(workCtx(d(), clock));
    expect(oaTo(linked.oaOpenid)).toHaveLength(0);
    for (const row of [...(await rowOf(linked.personId)), ...(await rowOf(unlinked.personId))]) {
      expect(row.state).toBe('done');
      expect(await deliveries(row.id)).toEqual([]);
    }
  });
});
