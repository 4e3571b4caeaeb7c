/**
 * bench/dispatch: notifications per second through the dispatcher against the fake WeChat
 * server (inbox + subscribe push), with an inbox-only run in the same process as baseline;
 * then the time from commit to inbox with the post-commit kick (target: median < 1 s).
 * Usage: DATABASE_URL=postgres://… npx tsx bench/dispatch.ts [notifications=2000]
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrateDb, openDb } from '../db/client';
import { addCredits } from '../db/queries/credits';
import { insertNotifications } from '../db/queries/notifications';
import { createOrgTree, createPersonWithRole, createWechatIdentity } from '../db/seed/factories';
import { setDb } from '../functions/_lib/db';
import { parseEnv, setEnv, env } from '../functions/runtime/env';
import { createHost } from '../functions/_lib/host';
import { startSession } from '../functions/services/auth/start-session';
import { dispatchNotifications } from '../functions/services/notifications/dispatch-notifications';
import { startFakeWechat } from '../tests/helpers/fake-wechat';

const N = Number(process.argv[2] ?? 2000);

async function main() {
  const wx = await startFakeWechat();
  setEnv(
    parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ALLOW_DEV_LOGIN: '1',
      DISPATCH_KICK: '1',
      DATABASE_URL: process.env.DATABASE_URL,
      WECHAT_API_BASE: wx.url,
      WECHAT_APP_ID: wx.appId,
      WECHAT_APP_SECRET: wx.appSecret,
    }),
  );
  if (!process.env.DATABASE_URL) console.warn('⚠ DATABASE_URL not set: measuring on PGlite (one connection), not the server');
  const h = await openDb(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, poolSize: 10 } : { dataDir: 'memory://' });
  await migrateDb(h);
  setDb(h);
  const db = h.db;
  const tree = await createOrgTree(db, { villages: 1, courtyards: 1 });
  const people: string[] = [];
  for (let i = 0; i < 50; i++) {
    const p = await createPersonWithRole(db, tree, 'cleaner');
    await createWechatIdentity(db, p.personId, wx.appId, wx.openidFor(`bench-${randomUUID()}`));
    people.push(p.personId);
  }

  async function run(label: string, withCredits: boolean) {
    if (withCredits) for (const p of people) await addCredits(db, p, 'bin_task', N, new Date());
    else await db.execute(sql`update subscription_credits set credits = 0`);
    const now = new Date();
    const rows = Array.from({ length: N }, (_, i) => ({
      recipientId: people[i % people.length],
      villageId: tree.villages[0].id,
      template: 'bin_task',
      payload: { binLabel: `${label}-${i}`, place: '桂花院', reportedAt: now.toISOString() },
      priority: 50,
      dedupeKey: null,
      runAt: now,
      createdAt: now,
    }));
    for (let i = 0; i < rows.length; i += 500) await insertNotifications(db, rows.slice(i, i + 500));
    const ctx = { db, now: () => new Date(), env: env() };
    const t0 = performance.now();
    let delivered = 0;
    for (;;) {
      const r = await Promise.all(Array.from({ length: 4 }, () => dispatchNotifications(ctx, { limit: 50, concurrency: 2 })));
      const claimed = r.reduce((s, x) => s + x.claimed, 0);
      delivered += r.reduce((s, x) => s + x.delivered, 0);
      if (claimed === 0) break;
    }
    const s = (performance.now() - t0) / 1000;
    return { rate: delivered / s, delivered, s };
  }

  const baseline = await run('inbox-only', false);
  const full = await run('with-push', true);
  console.log(`database: ${h.kind}; ${N} notifications per run; 4 dispatchers`);
  console.log(`inbox only (baseline)     ${baseline.rate.toFixed(0).padStart(6)} notifications/s  (${baseline.delivered} in ${baseline.s.toFixed(2)} s)`);
  console.log(
    `inbox + WeChat push       ${full.rate.toFixed(0).padStart(6)} notifications/s  (${full.delivered} in ${full.s.toFixed(2)} s)  ratio ${(full.rate / baseline.rate).toFixed(2)}`,
  );

  // send → inbox: the HTTP request, its commit and the post-commit kick until the head's message is stored
  const server = createHost();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const head = await createPersonWithRole(db, tree, 'courtyard_head');
  const headToken = (await startSession(db, { id: head.personId, name: 'h' }, { method: 'dev', now: new Date(), ttlDays: 1 })).token;
  const post = (path: string, token: string | null, body: unknown) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const latencies: number[] = [];
  for (let i = 0; i < 30; i++) {
    const invite = await post(`/api/courtyards/${tree.villages[0].courtyards[0].id}/invites`, headToken, {});
    const s = await post('/api/auth/dev-login', null, { newPerson: true });
    // the clock starts when the request is sent, not when its reply arrives (issue 16)
    const t0 = performance.now();
    const req = await post('/api/join-requests', s.token, { inviteCode: invite.code, name: `测${i}`, phone: '13700000000', householdLabel: `${i}号` });
    for (;;) {
      const r = await db.execute(
        sql`select 1 from inbox_messages m join notifications n on n.id = m.notification_id where n.dedupe_key = ${`join-request:${req.id}:new:${head.personId}`}`,
      );
      if ((r as unknown as { rows: unknown[] }).rows.length) break;
      if (performance.now() - t0 > 10_000) throw new Error('not delivered within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `send → inbox (kick)       median ${latencies[15].toFixed(0)} ms  p90 ${latencies[27].toFixed(0)} ms  max ${latencies[29].toFixed(0)} ms  (30 join requests over HTTP)`,
  );
  server.close();
  await wx.stop();
  await h.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
