import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { listings, notifications, pointsLedger, requestMessages, requests } from '../../db/schema';
import { createOrgTree, createPersonWithRole, createWechatIdentity } from '../../db/seed/factories';
import { startFakeWechat } from '../helpers/fake-wechat';
import { reconcilePoints } from '../../functions/services/points/reconcile-points';
import { tokenFor } from '../helpers/api';
import { useTestDb } from '../helpers/db';
import { startServerProcess, type TServerProcess } from '../helpers/server-process';
import { testDbKind } from '../helpers/test-db-config';

/**
 * Idempotency that cannot lie (decision 004), on the PostgreSQL server: the real server process
 * is killed (SIGKILL) at random moments while 1,000 keyed writes of four kinds are in flight,
 * restarted, and every key is retried until it answers. Each key must end with exactly one
 * effect, a retry of an answered key must replay that answer, and no key may stay "in
 * progress" (409) once its attempt is dead.
 */
const onServer = testDbKind() === 'server';
if (!onServer) console.warn('⚠ idempotency crash test SKIPPED: it needs the PostgreSQL server (TEST_DB=server with DATABASE_URL)');
const describeOnServer = onServer ? describe : describe.skip;

const db = useTestDb();
const d = () => db.handle().db;
const APP = `xyj-crash-${randomUUID().slice(0, 8)}`;
const KEYS = 1000;
const SERVER_ENV = () => ({ DATABASE_URL: process.env.DATABASE_URL!, DB_POOL_SIZE: '8', WRITE_LIMIT_PER_MINUTE: '100000', IDEMPOTENCY_WAIT_MS: '1000' });

type TWrite = { key: string; mark: string; kind: 'request' | 'award' | 'listing' | 'message'; method: string; path: string; token: string; body: unknown };
type TAnswer = { status: number; body: unknown; replayed: boolean };

let server: TServerProcess | undefined;
afterAll(async () => {
  await server?.kill('SIGKILL');
});

async function send(base: string, w: TWrite): Promise<TAnswer> {
  const res = await fetch(base + w.path, {
    method: w.method,
    headers: { authorization: `Bearer ${w.token}`, 'content-type': 'application/json', 'idempotency-key': w.key },
    body: JSON.stringify(w.body),
  });
  return { status: res.status, body: await res.json(), replayed: res.headers.get('idempotent-replayed') === 'true' };
}

describeOnServer('keyed writes while the server is killed at random moments', () => {
  it('ends every key with exactly one effect and replays its answer; nothing stays in progress', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
    await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 0 });
    const cadre = await createPersonWithRole(d(), tree, 'village_cadre');
    const villagers = await Promise.all(Array.from({ length: 8 }, (_, i) => createPersonWithRole(d(), tree, 'villager', { courtyard: i % 2 })));
    const cadreToken = await tokenFor(d(), cadre.personId);
    const tokens = await Promise.all(villagers.map((v) => tokenFor(d(), v.personId)));
    // a request per villager to write messages into
    server = await startServerProcess(SERVER_ENV(), APP);
    const threads: string[] = [];
    for (const t of tokens) {
      const r = await send(server.base, {
        key: randomUUID(),
        mark: '',
        kind: 'request',
        method: 'POST',
        path: '/api/requests',
        token: t,
        body: { category: 'help', text: '崩溃测试的沟通' },
      });
      threads.push((r.body as { id: string }).id);
    }

    const run = randomUUID().slice(0, 6);
    const writes: TWrite[] = Array.from({ length: KEYS }, (_, n) => {
      const i = n % villagers.length;
      const mark = `C${run}-${n}`;
      const key = `crash-${run}-${n}`;
      switch (n % 4) {
        case 0:
          return { key, mark, kind: 'request', method: 'POST', path: '/api/requests', token: tokens[i], body: { category: 'other', text: `崩溃测试 ${mark}` } };
        case 1:
          return {
            key,
            mark,
            kind: 'award',
            method: 'POST',
            path: `/api/people/${villagers[i].personId}/points`,
            token: cadreToken,
            body: { amount: 1, reason: `崩溃测试 ${mark}` },
          };
        case 2:
          return {
            key,
            mark,
            kind: 'listing',
            method: 'POST',
            path: '/api/listings',
            token: tokens[i],
            body: { title: '土鸡蛋', category: 'poultry_egg', description: mark, priceFen: 150, unit: '个', quantity: 10 },
          };
        default:
          return {
            key,
            mark,
            kind: 'message',
            method: 'POST',
            path: `/api/requests/${threads[i]}/messages`,
            token: tokens[i],
            body: { body: `崩溃测试 ${mark}` },
          };
      }
    });

    const answers = new Map<string, TAnswer>();
    let kills = 0;
    let lost = 0;
    const waits: number[] = [];
    while (answers.size < KEYS) {
      const pending = writes.filter((w) => !answers.has(w.key));
      const base = server.base;
      const killAt = Date.now() + 800 + Math.random() * 2200;
      const killer = (async () => {
        while (Date.now() < killAt && answers.size < KEYS) await new Promise((r) => setTimeout(r, 20));
        await server!.kill('SIGKILL');
        kills++;
      })();
      let next = 0;
      const worker = async () => {
        while (next < pending.length && Date.now() < killAt) {
          const w = pending[next++];
          try {
            const a = await send(base, w);
            if (a.status === 409 || a.status === 503)
              waits.push(a.status); // a dead attempt's lock or connection: try again
            else answers.set(w.key, a);
          } catch {
            lost++; // the process died under this request: no answer, retry it
          }
        }
      };
      await Promise.all([killer, ...Array.from({ length: 16 }, worker)]);
      server = await startServerProcess(SERVER_ENV(), APP);
    }
    process.stdout.write(`crash test: ${KEYS} keys, ${kills} kills, ${lost} requests died with the process, ${waits.length} told to retry (409/503)\n`);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(lost).toBeGreaterThan(0);
    expect([...answers.values()].filter((a) => a.status !== 201)).toEqual([]);

    // every key, retried once more: the stored answer comes back, never 409 or a second write
    let next = 0;
    const replays: TAnswer[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < writes.length) {
          const w = writes[next++];
          const a = await send(server!.base, w);
          replays.push(a);
          expect(a.status).toBe(answers.get(w.key)!.status);
          expect(a.replayed).toBe(true);
          expect(a.body).toEqual(answers.get(w.key)!.body);
        }
      }),
    );
    expect(replays).toHaveLength(KEYS);

    // exactly one effect per key
    const count = async (kind: TWrite['kind']) => {
      const marks = (rows: { t: string | null }[]) => rows.map((r) => /C\w+-\d+/.exec(r.t ?? '')?.[0]).filter(Boolean) as string[];
      const p = `%C${run}-%`;
      if (kind === 'request') return marks(await d().select({ t: requests.text }).from(requests).where(like(requests.text, p)));
      if (kind === 'award') return marks(await d().select({ t: pointsLedger.note }).from(pointsLedger).where(like(pointsLedger.note, p)));
      if (kind === 'listing') return marks(await d().select({ t: listings.description }).from(listings).where(like(listings.description, p)));
      return marks(await d().select({ t: requestMessages.body }).from(requestMessages).where(like(requestMessages.body, p)));
    };
    for (const kind of ['request', 'award', 'listing', 'message'] as const) {
      const found = await count(kind);
      const want = writes.filter((w) => w.kind === kind).map((w) => w.mark);
      expect(found.sort()).toEqual(want.sort());
    }
    expect((await reconcilePoints(d())).ok).toBe(true);
  }, 600_000);

  it('frees the key of an instance frozen inside a write once its lease ends, and the write happens once', async () => {
    const wx = await startFakeWechat();
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    await createPersonWithRole(d(), tree, 'courtyard_head');
    const seller = await createPersonWithRole(d(), tree, 'villager');
    await createWechatIdentity(d(), seller.personId, wx.appId, wx.openidFor(`lease-${randomUUID()}`));
    const token = await tokenFor(d(), seller.personId);
    const env = {
      ...SERVER_ENV(),
      IDEMPOTENCY_LEASE_MS: '1500',
      IDEMPOTENCY_WAIT_MS: '300',
      WECHAT_API_BASE: wx.url,
      WECHAT_APP_ID: wx.appId,
      WECHAT_APP_SECRET: wx.appSecret,
      WECHAT_TIMEOUT_MS: '8000',
    };
    const a = await startServerProcess(env, `${APP}-a`);
    const b = await startServerProcess(env, `${APP}-b`);
    try {
      const draft = await send(b.base, {
        key: randomUUID(),
        mark: '',
        kind: 'listing',
        method: 'POST',
        path: '/api/listings',
        token,
        body: { title: '蜂蜜', category: 'specialty', priceFen: 5000, unit: '斤', quantity: 3 },
      });
      const id = (draft.body as { id: string }).id;
      const submit: TWrite = { key: `lease-${randomUUID()}`, mark: '', kind: 'listing', method: 'POST', path: `/api/listings/${id}/submit`, token, body: {} };
      // instance A holds the key inside its transaction while WeChat is slow, and freezes there
      wx.failNext('msg_sec_check', { delayMs: 4000 });
      const asked = wx.calls.length;
      const onA = send(a.base, submit).catch((e: Error) => ({ status: 0, body: e.message, replayed: false }));
      // freeze A once WeChat has its question: A has claimed the key and waits inside the transaction
      while (!wx.calls.slice(asked).some((c) => c.endpoint === 'msg_sec_check')) await new Promise((r) => setTimeout(r, 20));
      a.child.kill('SIGSTOP');

      const early = await fetch(b.base + submit.path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': submit.key },
        body: '{}',
      });
      expect(early.status).toBe(409);
      expect((await early.json()).error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(early.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      // past the lease PostgreSQL ends A's session, rolling its attempt back: the key is free
      await new Promise((r) => setTimeout(r, 3000));
      const later = await send(b.base, submit);
      expect(later.status).toBe(200);
      expect(later.replayed).toBe(false);
      expect((later.body as { state: string }).state).toBe('pending_review');

      a.child.kill('SIGCONT');
      const fromA = await onA;
      expect(fromA.status).toBe(503); // its connection was ended under it: a retryable answer, nothing half-done
      const retryOnA = await send(a.base, submit);
      expect(retryOnA.replayed).toBe(true);
      expect(retryOnA.body).toEqual(later.body);
      const told = await d()
        .select({ id: notifications.id })
        .from(notifications)
        .where(like(notifications.dedupeKey, `listing:${id}:review:%`));
      expect(told).toHaveLength(1);
      const [row] = await d().select({ state: listings.state }).from(listings).where(eq(listings.id, id));
      expect(row.state).toBe('pending_review');
    } finally {
      a.child.kill('SIGCONT');
      await a.kill('SIGKILL');
      await b.kill('SIGKILL');
      await wx.stop();
    }
  }, 120_000);
});
