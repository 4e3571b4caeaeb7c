/**
 * bench/round-trips: statements per request (counted at the driver) and requests per second
 * for GET /api/me, the village leaderboard and a new bin report, on embedded PGlite and — when
 * DATABASE_URL is set — on the server, in one process so the machine's noise hits both.
 * Prints figures; asserts nothing.
 * Usage: npx tsx bench/round-trips.ts [seconds=3] [connections=10]
 */
import type { AddressInfo } from 'node:net';
import { migrateDb, openDb, type DbHandle } from '../db/client';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../db/seed/factories';
import { setDb } from '../functions/_lib/db';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { createHost } from '../functions/_lib/host';
import { startSession } from '../functions/services/auth/start-session';
import { runDueWork } from '../functions/services/work/run-due-work';
import { isTransactionControl, recordStatements } from '../tests/helpers/statement-count';
import { and, eq } from 'drizzle-orm';
import { binReports, bins } from '../db/schema';

const seconds = Number(process.argv[2] ?? 3);
const connections = Number(process.argv[3] ?? 10);

type TLoad = { rps: number; p50: number };

async function load(next: () => { url: string; init: RequestInit }): Promise<TLoad> {
  const end = Date.now() + seconds * 1000;
  const lat: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const { url, init } = next();
        const t = performance.now();
        const r = await fetch(url, init);
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`${url} → ${r.status}`);
        lat.push(performance.now() - t);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { rps: lat.length / seconds, p50: lat[Math.floor(lat.length * 0.5)] };
}

async function world(h: DbHandle, bins: number) {
  const tree: TOrgTree = await createOrgTree(h.db, { villages: 1, courtyards: 2 });
  const cleaners = [(await createPersonWithRole(h.db, tree, 'cleaner')).personId, (await createPersonWithRole(h.db, tree, 'cleaner')).personId];
  const token = async (personId: string) => (await startSession(h.db, { id: personId, name: 'bench' }, { method: 'dev', now: new Date(), ttlDays: 1 })).token;
  const villagers: string[] = [];
  for (let i = 0; i < Math.ceil(bins / 15) + 2; i++) villagers.push(await token((await createPersonWithRole(h.db, tree, 'villager')).personId));
  const codes: string[] = [];
  for (let i = 0; i < bins; i++) codes.push((await createBin(h.db, tree, cleaners)).code);
  return { tree, villagers, codes, cleanerToken: await token(cleaners[0]) };
}

async function run(h: DbHandle, bins: number) {
  setDb(h);
  const w = await world(h, bins);
  const server = createHost();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });
  const board = `${base}/api/villages/${w.tree.villages[0].id}/leaderboard`;
  let nextBin = 0;
  let nextVillager = 0;
  const report = () => ({
    url: `${base}/api/bins/${w.codes[nextBin++]}/report`,
    init: { method: 'POST', headers: { ...auth(w.villagers[Math.floor(nextVillager++ / 15)]), 'content-type': 'application/json' }, body: '{}' },
  });

  // statements, counted at the driver (the dispatcher is not kicked: DISPATCH_KICK=0)
  const count = async (what: () => Promise<unknown>) => {
    const { statements } = await recordStatements(h, what);
    return { all: statements.length, work: statements.filter((s) => !isTransactionControl(s)).length };
  };
  const fetchOk = async (url: string, init: RequestInit = {}) => {
    const r = await fetch(url, init);
    if (!r.ok) throw new Error(`${url} → ${r.status} ${await r.text()}`);
    return r.json();
  };
  await fetchOk(`${base}/api/me`, { headers: auth(w.villagers[0]) }); // warm-up
  const counts = {
    me: await count(() => fetchOk(`${base}/api/me`, { headers: auth(w.villagers[0]) })),
    board: await count(() => fetchOk(board, { headers: auth(w.villagers[0]) })),
    newReport: await count(() => {
      const r = report();
      return fetchOk(r.url, r.init);
    }),
    joinReport: await count(() =>
      fetchOk(`${base}/api/bins/${w.codes[0]}/report`, {
        method: 'POST',
        headers: { ...auth(w.villagers.at(-1)!), 'content-type': 'application/json' },
        body: '{}',
      }),
    ),
    dispatch: await count(() => runDueWork({ db: h.db, now: () => new Date(), env: parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }) })),
  };

  await load(() => ({ url: `${base}/api/me`, init: { headers: auth(w.villagers[0]) } })); // warm-up
  const rates = {
    me: await load(() => ({ url: `${base}/api/me`, init: { headers: auth(w.villagers[0]) } })),
    board: await load(() => ({ url: board, init: { headers: auth(w.villagers[0]) } })),
    newReport: await load(report),
  };
  server.close();
  return { counts, rates };
}

/** What a prepared query skips per call: drizzle building the SQL text of the old lock select (µs). */
function buildMicros(h: DbHandle): number {
  const n = 3000;
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    h.db
      .select({ id: binReports.id, reporters: binReports.reporters, label: bins.label })
      .from(binReports)
      .innerJoin(bins, eq(bins.id, binReports.binId))
      .where(and(eq(binReports.binId, 'b'), eq(binReports.state, 'open')))
      .for('update', { of: binReports })
      .toSQL();
  }
  return ((performance.now() - t) / n) * 1000;
}

async function main() {
  setEnv(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DISPATCH_KICK: '0', WRITE_LIMIT_PER_MINUTE: '1000000' }));
  const results: [string, Awaited<ReturnType<typeof run>>][] = [];
  const lite = await openDb({ dataDir: 'memory://' });
  await migrateDb(lite);
  const micros = buildMicros(lite);
  results.push(['pglite', await run(lite, 300)]);
  await lite.close();
  if (process.env.DATABASE_URL) {
    const srv = await openDb({ url: process.env.DATABASE_URL, poolSize: 10 });
    await migrateDb(srv);
    results.push(['server', await run(srv, 600)]);
    await srv.close();
  }
  console.log(`${connections} connections, ${seconds} s each; machine shared (2 cores), figures are noisy`);
  console.log(`drizzle building one lock select: ${micros.toFixed(0)} µs per call (a prepared() query skips it)`);
  for (const [kind, r] of results) {
    const c = r.counts;
    const s = (x: { all: number; work: number }) => `${x.all} (${x.work} w/o tx control)`;
    console.log(
      `${kind}: statements  /api/me ${s(c.me)}  board ${s(c.board)}  new report ${s(c.newReport)}  join ${s(c.joinReport)}  dispatch after new report ${s(c.dispatch)}`,
    );
    console.log(
      `${kind}: req/s       /api/me ${r.rates.me.rps.toFixed(0)} (p50 ${r.rates.me.p50.toFixed(1)} ms)  board ${r.rates.board.rps.toFixed(0)} (p50 ${r.rates.board.p50.toFixed(1)} ms)  new report ${r.rates.newReport.rps.toFixed(0)} (p50 ${r.rates.newReport.p50.toFixed(1)} ms)`,
    );
  }
  if (results.length === 2) {
    const [l, s] = [results[0][1].rates, results[1][1].rates];
    const x = (k: keyof typeof l) => `${(s[k].rps / l[k].rps).toFixed(1)}×`;
    console.log(`PGlite slower than server by: /api/me ${x('me')}  board ${x('board')}  new report ${x('newReport')}  (goal ≤ 3×)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
