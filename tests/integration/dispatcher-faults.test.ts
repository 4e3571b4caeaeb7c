import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { addCredits } from '../../db/queries/credits';
import { insertNotifications } from '../../db/queries/notifications';
import { seededRandom } from '../../db/seed/random';
import { createOrgTree, createPersonWithRole, createWechatIdentity } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { dispatchNotifications, NOTIFICATION_LEASE_MS, SimulatedCrash } from '../../functions/services/notifications/dispatch-notifications';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { testDbKind } from '../helpers/test-db-config';
import { TestClock, workCtx } from '../helpers/work';

/**
 * Fault injection on the server database: four dispatchers race over 1,000 notifications and
 * die at random stages (after claim, after the inbox, before/after the WeChat call, before
 * marking done) while WeChat is sometimes busy. Afterwards nothing is lost and nothing shows
 * twice. PGlite has one connection, so this only means something on the server.
 */
const onServer = testDbKind() === 'server';
if (!onServer) console.warn('⚠ dispatcher fault-injection test SKIPPED: it needs the PostgreSQL server (TEST_DB=server with DATABASE_URL)');
const describeOnServer = onServer ? describe : describe.skip;

const db = useTestDb();
let wx: TFakeWechat;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '500' }));
});
afterAll(() => wx.stop());

describeOnServer('dispatcher under faults', () => {
  it('delivers all of 1,000 notifications exactly once to the inbox while dispatchers crash at random', async () => {
    const d = db.handle().db;
    const clock = new TestClock(Date.now());
    const tree = await createOrgTree(d, { villages: 1, courtyards: 1 });
    const people: string[] = [];
    for (let i = 0; i < 40; i++) {
      const p = await createPersonWithRole(d, tree, 'cleaner');
      if (i % 2 === 0) {
        await createWechatIdentity(d, p.personId, wx.appId, wx.openidFor(`fault-${randomUUID()}`));
        await addCredits(d, p.personId, 'bin_task', 1000, clock.now());
      }
      people.push(p.personId);
    }
    const batch = randomUUID().slice(0, 8);
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      recipientId: people[i % people.length],
      villageId: tree.villages[0].id,
      template: 'bin_task',
      payload: { binLabel: `${batch}-${i}`, place: '测试', reportedAt: clock.now().toISOString() },
      priority: 50,
      dedupeKey: `fault:${batch}:${i}`,
      runAt: clock.now(),
      createdAt: clock.now(),
    }));
    for (let i = 0; i < rows.length; i += 200) await insertNotifications(d, rows.slice(i, i + 200));
    // this test is about crashes, not giving up: a crashed pass abandons every row it claimed (as a
    // killed process does), each comes back after the lease with one attempt more, so a row can use
    // up its eight tries; giving up is by design and tests/integration/notifications.test.ts covers it
    await d.execute(sql`update notifications set max_attempts = 100 where dedupe_key like ${`fault:${batch}:%`}`);

    const rand = seededRandom(4242);
    let crashes = 0;
    const fault = () => {
      if (rand() < 0.02) {
        crashes++;
        throw new SimulatedCrash('killed');
      }
    };
    const remaining = async () => {
      const r = await d.execute(
        sql`select count(*)::int as n from notifications where dedupe_key like ${`fault:${batch}:%`} and state in ('pending', 'processing')`,
      );
      return (r as unknown as { rows: { n: number }[] }).rows[0].n;
    };
    const sends = () => wx.calls.filter((c) => c.endpoint === 'subscribe_send').length;
    let lastFaultAt = -1;
    for (let pass = 0; pass < 3000 && (await remaining()) > 0; pass++) {
      // WeChat is busy now and then: a fault is queued only once the last one met a call, so faults
      // do not pile up during quiet passes and then fall all on the last few rows
      if (sends() > lastFaultAt && rand() < 0.3) {
        wx.failNext('subscribe_send', { errcode: -1, errmsg: 'system busy' });
        lastFaultAt = sends();
      }
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => dispatchNotifications(workCtx(d, clock, fault), { limit: 25, concurrency: 3 })));
      for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof SimulatedCrash)) throw r.reason;
      const claimed = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.claimed : 0), 0);
      // nothing claimable now: let leases of crashed dispatchers and retry backoffs run out
      if (claimed === 0) clock.advance(NOTIFICATION_LEASE_MS + 1);
    }

    const states = await d.execute(sql`select n.state, n.push_state, count(*)::int as n,
        sum((select count(*) from inbox_messages m where m.notification_id = n.id))::int as copies
      from notifications n where n.dedupe_key like ${`fault:${batch}:%`} group by 1, 2`);
    const rowsByState = (states as unknown as { rows: { state: string; push_state: string | null; n: number; copies: number }[] }).rows;
    const total = rowsByState.reduce((s, r) => s + r.n, 0);
    const done = rowsByState.filter((r) => r.state === 'done').reduce((s, r) => s + r.n, 0);
    const copies = rowsByState.reduce((s, r) => s + r.copies, 0);
    expect(crashes).toBeGreaterThan(20);
    if (done !== 1000) {
      const r = await d.execute(
        sql`select state, push_state, attempts, last_error from notifications where dedupe_key like ${`fault:${batch}:%`} and state <> 'done'`,
      );
      console.error('not done:', JSON.stringify((r as unknown as { rows: unknown[] }).rows), JSON.stringify(rowsByState));
    }
    expect(total).toBe(1000);
    expect(done).toBe(1000); // none lost, none stuck, none given up
    expect(copies).toBe(1000); // each in an inbox exactly once

    const pushed = wx.sent.map((m) => m.data.thing1.value).filter((v) => v.startsWith(batch));
    expect(new Set(pushed).size).toBe(pushed.length); // no WeChat message twice
    const sentStates = rowsByState.filter((r) => r.push_state === 'sent').reduce((s, r) => s + r.n, 0);
    const unknown = rowsByState.filter((r) => r.push_state === 'unknown').reduce((s, r) => s + r.n, 0);
    expect(pushed.length).toBeGreaterThanOrEqual(sentStates);
    expect(pushed.length).toBeLessThanOrEqual(sentStates + unknown);
  }, 120_000);
});
