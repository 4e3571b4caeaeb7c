import { randomUUID } from 'node:crypto';
import { findJob } from '../../db/queries/jobs';
import { findOaFollower, findOaOpenidOfPerson, recordOaFollower } from '../../db/queries/oa-followers';
import { createOrgTree, createPersonWithRole, createWechatIdentity, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { runDueJobs } from '../../functions/services/jobs/run-due-jobs';
import { scheduleOaSync } from '../../functions/services/oa/schedule-oa-sync';
import { oaSyncJobKey, syncOaFollowers } from '../../functions/services/oa/sync-oa-followers';
import { testEnv, useTestDb } from '../helpers/db';
import { fakeWechatEnv, startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { TestClock, workCtx } from '../helpers/work';

/**
 * 关注者同步: staff who followed the 公众号 before its pushes reached us are found by listing every
 * follower (user/get, paged) and reading their unionids (user/info/batchget); followers who left
 * meanwhile are marked. Runs daily as a timer and as `npm run oa:sync`.
 */
const db = useTestDb();
let wx: TFakeWechat;
let tree: TOrgTree;
// a day of its own: on the shared server database other tests' dispatchers schedule today's sync
const clock = new TestClock(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 3650) * 86_400_000);
const d = () => db.handle().db;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(
    testEnv({
      ...fakeWechatEnv(wx),
      WECHAT_TIMEOUT_MS: '500',
    }),
  );
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  wx.oa.setPageSize(2); // five followers: three pages and the empty one after
});
afterAll(() => wx.stop());

async function staff(role: 'cleaner' | 'courtyard_head') {
  const user = `${role}-${randomUUID()}`;
  const { personId } = await createPersonWithRole(d(), tree, role);
  await createWechatIdentity(d(), personId, wx.appId, wx.openidFor(user), wx.unionidFor(user));
  return { personId, oaOpenid: wx.oa.openidFor(user), unionid: wx.unionidFor(user) };
}

describe('the 公众号 follower sync', () => {
  it('links staff who followed before, pages through every follower, marks those who left, and changes nothing when run again', async () => {
    const cleaner = await staff('cleaner');
    const head = await staff('courtyard_head');
    const notYet = await staff('cleaner');
    for (const s of [cleaner, head]) await wx.oa.follow(s.oaOpenid, s.unionid, { push: false });
    for (let i = 0; i < 3; i++) await wx.oa.follow(wx.oa.openidFor(`villager-${randomUUID()}`), null, { push: false });
    // we thought this one followed, but they left while no push reached us
    const gone = wx.oa.openidFor(`gone-${randomUUID()}`);
    await recordOaFollower(d(), { openid: gone, unionid: null, following: true, at: new Date(clock.now().getTime() - 86_400_000) });
    await wx.oa.unfollow(gone, { push: false });

    const before = wx.calls.filter((c) => c.endpoint === 'oa_user_get').length;
    const r = await syncOaFollowers({ db: d(), env: workCtx(d(), clock).env, now: clock.now });
    // (on the shared server database other tests' followers, unknown to this fake, leave too)
    expect(r.left).toBeGreaterThanOrEqual(1);
    expect(r.followers).toBeGreaterThanOrEqual(5);
    expect(wx.calls.filter((c) => c.endpoint === 'oa_user_get').length - before).toBeGreaterThanOrEqual(4);
    expect(await findOaOpenidOfPerson(d(), cleaner.personId, wx.appId)).toBe(cleaner.oaOpenid);
    expect(await findOaOpenidOfPerson(d(), head.personId, wx.appId)).toBe(head.oaOpenid);
    expect(await findOaOpenidOfPerson(d(), notYet.personId, wx.appId)).toBeNull();
    expect(await findOaFollower(d(), gone)).toMatchObject({ following: false });

    clock.advance(60_000);
    const again = await syncOaFollowers({ db: d(), env: workCtx(d(), clock).env, now: clock.now });
    expect(again).toMatchObject({ followers: r.followers, linked: r.linked, left: 0 });
  });

  it('clears a stale mark when WeChat lists the person as following again', async () => {
    const s = await staff('cleaner');
    await wx.oa.follow(s.oaOpenid, s.unionid, { push: false });
    await recordOaFollower(d(), { openid: s.oaOpenid, unionid: s.unionid, following: true, at: clock.now() });
    const { markOaFollowerStale } = await import('../../db/queries/oa-followers');
    await markOaFollowerStale(d(), s.oaOpenid, 'errcode 43004: require subscribe', clock.now());
    expect(await findOaOpenidOfPerson(d(), s.personId, wx.appId)).toBeNull();
    clock.advance(60_000);
    await syncOaFollowers({ db: d(), env: workCtx(d(), clock).env, now: clock.now });
    expect(await findOaOpenidOfPerson(d(), s.personId, wx.appId)).toBe(s.oaOpenid);
  });

  it('runs as a daily timer: scheduled once per China day however often asked, and run by the job runner', async () => {
    const s = await staff('courtyard_head');
    await wx.oa.follow(s.oaOpenid, s.unionid, { push: false });
    const ctx = workCtx(d(), clock);
    expect(await scheduleOaSync(ctx, () => new Date(1e12))).toBe(true);
    expect(await scheduleOaSync(ctx, () => new Date(1e12))).toBe(false); // asked again within the hour
    expect(await scheduleOaSync(ctx, () => new Date(1e12 + 7200e3))).toBe(false); // another hour: the day's key exists
    // on the shared server database other tests' timers are due on this day too: run until ours ran
    const state = async () => (await findJob(d(), oaSyncJobKey(clock.now())))?.state;
    for (let pass = 0; pass < 200 && (await state()) !== 'done'; pass++) {
      const r = await runDueJobs(ctx);
      if (r.ran + r.failed === 0) break;
    }
    expect(await state()).toBe('done');
    expect(await findOaOpenidOfPerson(d(), s.personId, wx.appId)).toBe(s.oaOpenid);
  });

  it('leaves the timer to retry when WeChat is busy, recording nothing half-way', async () => {
    const s = await staff('cleaner');
    await wx.oa.follow(s.oaOpenid, s.unionid, { push: false });
    wx.failNext('oa_user_batchget', { errcode: -1, errmsg: 'system error' });
    await expect(syncOaFollowers({ db: d(), env: workCtx(d(), clock).env, now: clock.now })).rejects.toThrow(/errcode -1/);
    expect(await findOaFollower(d(), s.oaOpenid)).toBeNull();
  });
});
