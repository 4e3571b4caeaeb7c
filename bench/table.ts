/**
 * npm run bench: every row of issue 16's table in one process, each beside a baseline measured
 * in the same run so the machine's noise cancels: bare node:http, pgbench replaying the SQL the
 * endpoint sent (captured from the pg clients), the server vs PGlite, health alone vs while a
 * cleaner polls her route, start to first 200, and server processes behind one port. Measures
 * whatever code is there; prints figures and asserts nothing.
 * Usage: DATABASE_URL=postgres://… npm run bench [-- --quick] [-- --no-cluster]
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { openDb, type DbHandle } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { migrateDb } from '../db/client';
import { setDb } from '../functions/_lib/db';
import { createHost } from '../functions/_lib/host';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { benchDatabase } from './bench-db';
import { clusterRows, printClusterRows } from './cluster';
import { load, medianLoad, type TLoadRequest, type TLoadResult } from './load';
import { instrumentPool, perClient, pgbench, toScript, type TStatement } from './pgbench';
import { primeCodeCache, START_MODES, startFirst200 } from './start-time';
import { buildFunctions } from '../scripts/build-functions';
import { makeWorld, type TWorld } from './world';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 2 : 4;
const RUNS = quick ? 1 : 3;
const CONNECTIONS = 10; // as the issue's table (autocannon -c 10)
const PGBENCH_CLIENTS = 10;

type TRow = { path: string; ours: string; baseline: string; ratio: string; goal: string; met: string; note?: string };
const rows: TRow[] = [];
const notes: string[] = [];
const fmt = (n: number) => (Number.isFinite(n) ? (n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0)) : '—');
const errs = (r: TLoadResult) => (r.errors ? ` (${r.errors} errors: ${r.firstError})` : '');

function row(path: string, ours: number, baseline: number, baselineName: string, goal: { min?: number; label: string }, extra = '') {
  const ratio = ours / baseline;
  rows.push({
    path,
    ours: `${fmt(ours)}${extra}`,
    baseline: `${baselineName} ${fmt(baseline)}`,
    ratio: Number.isFinite(ratio) ? ratio.toFixed(2) : '—',
    goal: goal.label,
    met: goal.min === undefined || !Number.isFinite(ratio) ? '' : ratio >= goal.min ? 'yes' : 'no',
  });
}

function bare(status: number, body: string): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () => r({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

async function host(): Promise<{ base: string; close: () => void }> {
  const server = createHost();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const run = (req: TLoadRequest) => medianLoad(req, SECONDS, CONNECTIONS, RUNS);

/** The SQL of one request, captured inside a transaction rolled back afterwards (the database stays as it was). */
async function captured(h: DbHandle, capture: ReturnType<typeof instrumentPool>['capture'], send: () => Promise<Response>): Promise<TStatement[]> {
  let statements: TStatement[] = [];
  const rollback = new Error('bench: roll back the capture');
  await h.db
    .transaction(async (outer) => {
      setDb({ db: outer, kind: h.kind, close: async () => undefined });
      const r = await capture(async () => {
        const res = await send();
        const text = await res.text();
        if (!res.ok) throw new Error(`capture: ${res.status} ${text.slice(0, 200)}`);
      });
      statements = r.statements;
      throw rollback;
    })
    .catch((e) => {
      if (e !== rollback) throw e;
    })
    .finally(() => setDb(h));
  return statements;
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('npm run bench needs DATABASE_URL (the PostgreSQL server); PGlite rows run beside it');
  const started = Date.now();
  console.log(
    `bench: ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${quick ? 'quick (1 run of 2 s each)' : `median of ${RUNS} runs of ${SECONDS} s`}, ${CONNECTIONS} connections`,
  );
  const bench = await benchDatabase(process.env.DATABASE_URL, 20);
  try {
    await measure(bench, started);
  } finally {
    await bench.drop();
  }
}

async function measure(bench: Awaited<ReturnType<typeof benchDatabase>>, started: number) {
  const envVars = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: bench.url,
    DISPATCH_KICK: '0', // the request path only: the post-commit dispatch is bench/dispatch's
    WRITE_LIMIT_PER_MINUTE: '100000000',
    SIGNIN_LIMIT_PER_MINUTE: '100000000',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
  };
  setEnv(parseEnv(envVars));
  const { capture } = instrumentPool((bench.h.db as unknown as { $client: unknown }).$client);
  setDb(bench.h);
  const world = await makeWorld(bench.h.db, quick ? 1500 : 4000);
  const api = await host();
  try {
    await world.open(api.base);
    // 1–2: the adapter against bare node:http answering the same status
    const bare401 = await bare(401, JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: '请先登录', requestId: 'x' } }));
    const bare200 = await bare(200, JSON.stringify({ ok: true, database: 'up' }));
    await run({ url: `${api.base}/api/health` }); // warm-up
    const a401 = await run({ url: `${api.base}/api/me`, expect: 401 });
    const b401 = await run({ url: bare401.url, expect: 401 });
    row('adapter, no database (401 on /api/me)', a401.rps, b401.rps, 'bare node:http', { min: 0.8, label: '≥ 0.8' }, errs(a401));
    const health = await run({ url: `${api.base}/api/health` });
    const b200 = await run({ url: bare200.url });
    row('/api/health (1 query)', health.rps, b200.rps, 'bare node:http', { label: '—' }, errs(health));
    bare401.close();
    bare200.close();

    // 3–6: endpoints against pgbench replaying the SQL each sent
    const server = await endpointRows(bench.h, capture, api.base, bench.url, world);

    // 7: PGlite against the server, same endpoints and load
    await pgliteRow(envVars, server);

    // 8: /api/health while one cleaner polls her route (route planning) vs alone
    setDb(bench.h);
    const alone = await run({ url: `${api.base}/api/health` });
    // the cleaner's client polls back to back on one connection of its own, from its own worker
    // thread like the health load (a fetch loop here would spend the server's thread)
    const polling = load({ url: `${api.base}/api/cleaner/tasks?lat=29.56&lng=106.46`, headers: world.cleaner.auth }, SECONDS * RUNS + 1, 1);
    const during = await run({ url: `${api.base}/api/health` });
    const polls = await polling;
    if (polls.errors) throw new Error(`cleaner tasks: ${polls.firstError}`);
    rows.push({
      path: '/api/health while one cleaner polls her route',
      ours: `${fmt(during.rps)}${errs(during)}`,
      baseline: `alone ${fmt(alone.rps)}`,
      ratio: `${(((during.rps - alone.rps) / alone.rps) * 100).toFixed(0)}%`,
      goal: 'no drop (≥ −10%)',
      met: during.rps >= alone.rps * 0.9 ? 'yes' : 'no',
    });
    notes.push(
      `the cleaner's route: ${world.cleaner.stops} open reports, ${polls.n} polls back to back (p50 ${polls.p50.toFixed(1)} ms); health p99 alone ${alone.p99.toFixed(1)} ms, during ${during.p99.toFixed(1)} ms (a route solved on the event loop stalled every answer behind it)`,
    );
  } finally {
    api.close();
  }

  // 9: start to first 200: the prebuilt host (built here when missing) beside bare node:http; tsx in a note
  if (!fs.existsSync(START_MODES['node (prebuilt, code cache)'][0])) await buildFunctions({ hostOnly: true });
  const startMs = async (args: string[]) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await startFirst200(args, { DATABASE_URL: bench.url }));
    return times.sort((x, y) => x - y)[Math.floor(times.length / 2)];
  };
  await primeCodeCache({ DATABASE_URL: bench.url });
  const [built, uncached, floor, tsx] = [
    await startMs(START_MODES['node (prebuilt, code cache)']),
    await startMs(START_MODES['node (prebuilt)']),
    await startMs(START_MODES['bare node:http']),
    await startMs(START_MODES.tsx),
  ];
  rows.push({
    path: 'start to first 200 (prebuilt host, npm run serve:built, server DB)',
    ours: `${built.toFixed(0)} ms`,
    baseline: `bare node:http ${floor.toFixed(0)} ms`,
    ratio: '—',
    goal: '≤ 300 ms',
    met: built <= 300 ? 'yes' : 'no',
  });
  notes.push(`start through tsx (npm start): ${tsx.toFixed(0)} ms; the prebuilt host without its code cache (node server.js): ${uncached.toFixed(0)} ms`);

  console.log('\n| path | ours (req/s) | baseline | ratio | goal | met |\n|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.path} | ${r.ours} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.met} |`);
  for (const n of notes) console.log(`- ${n}`);

  if (!process.argv.includes('--no-cluster')) {
    const b2 = await benchDatabase(process.env.DATABASE_URL!, 4);
    try {
      console.log(`\nserver processes behind one port (WEB_CONCURRENCY), ${CONNECTIONS * 2} connections:`);
      printClusterRows(await clusterRows(b2, { maxProcesses: os.availableParallelism(), seconds: SECONDS, runs: RUNS, connections: CONNECTIONS * 2 }));
    } finally {
      await b2.drop();
    }
  }
  console.log(
    `\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s; load average now ${os.loadavg()[0].toFixed(1)} (other work on the machine skews absolute figures; ratios less)`,
  );
}

type TServerFigures = { me: number; board: number; newReport: number };

async function endpointRows(
  h: DbHandle,
  capture: ReturnType<typeof instrumentPool>['capture'],
  base: string,
  url: string,
  world: TWorld,
): Promise<TServerFigures> {
  const me = { url: `${base}/api/me`, headers: world.readers[0].auth };
  const board = { url: `${base}/api/villages/${world.villageId}/leaderboard`, headers: world.readers[0].auth };
  const meSql = await captured(h, capture, () => fetch(me.url, { headers: me.headers }));
  const boardSql = await captured(h, capture, () => fetch(board.url, { headers: board.headers }));
  // writes: variant k is pgbench client k's own person and bin, as the HTTP load spreads them
  const newSql: string[][] = [];
  const joinSql: string[][] = [];
  for (let k = 0; k < PGBENCH_CLIENTS; k++) {
    const n = world.nextNew();
    newSql.push(toScript(await captured(h, capture, () => fetch(n.url, n.init)), { rollback: true }));
    const j = world.nextJoin();
    joinSql.push(toScript(await captured(h, capture, () => fetch(j.url, j.init)), { rollback: true }));
  }
  notes.push(
    `statements per request: /api/me ${meSql.length}, leaderboard ${boardSql.length}, new report ${newSql[0].length}, join ${joinSql[0].length} (BEGIN/COMMIT included)`,
  );

  const meR = await run(me);
  const meB = pgbench(url, perClient([toScript(meSql, { rollback: false })]), PGBENCH_CLIENTS, SECONDS);
  const boardR = await run(board);
  const boardB = pgbench(url, perClient([toScript(boardSql, { rollback: false })]), PGBENCH_CLIENTS, SECONDS);
  const newR = await run({ url: '', next: world.nextNew });
  const newB = pgbench(url, perClient(newSql), PGBENCH_CLIENTS, SECONDS);
  const joinR = await run({ url: '', next: world.nextJoin });
  const joinB = pgbench(url, perClient(joinSql), PGBENCH_CLIENTS, SECONDS);
  const pg = (b: { tps: number; failed?: string }) => (b.failed ? `pgbench FAILED (${b.failed})` : 'pgbench same SQL');
  row('GET /api/me', meR.rps, meB.tps, pg(meB), { min: 0.5, label: '≥ 0.5' }, errs(meR));
  row('village leaderboard', boardR.rps, boardB.tps, pg(boardB), { min: 0.5, label: '≥ 0.5' }, errs(boardR));
  row('bin report, new', newR.rps, newB.tps, pg(newB), { min: 0.5, label: '≥ 0.5' }, errs(newR));
  row('bin report, join', joinR.rps, joinB.tps, pg(joinB), { min: 0.5, label: '≥ 0.5' }, errs(joinR));
  notes.push(
    'pgbench replays writes inside BEGIN … ROLLBACK (each client its own bin and person) so every pass starts from the same state; the endpoint commits',
  );
  return { me: meR.rps, board: boardR.rps, newReport: newR.rps };
}

async function pgliteRow(envVars: Record<string, string>, server: TServerFigures): Promise<void> {
  setEnv(parseEnv({ ...envVars, DATABASE_URL: '' }));
  const h = await openDb({ dataDir: 'memory://' });
  try {
    await migrateDb(h);
    await seedDemo(h.db);
    setDb(h);
    const world = await makeWorld(h.db, quick ? 600 : 1500);
    const api = await host();
    try {
      await world.open(api.base);
      const a = world.readers[0].auth;
      await run({ url: `${api.base}/api/health` });
      const me = await run({ url: `${api.base}/api/me`, headers: a });
      const board = await run({ url: `${api.base}/api/villages/${world.villageId}/leaderboard`, headers: a });
      const nr = await run({ url: '', next: world.nextNew });
      const x = (s: number, p: number) => s / p;
      const worst = Math.max(x(server.me, me.rps), x(server.board, board.rps), x(server.newReport, nr.rps));
      rows.push({
        path: 'PGlite vs server (me / board / new report)',
        ours: `${fmt(me.rps)} / ${fmt(board.rps)} / ${fmt(nr.rps)}${errs(me)}${errs(board)}${errs(nr)}`,
        baseline: `server ${fmt(server.me)} / ${fmt(server.board)} / ${fmt(server.newReport)}`,
        ratio: `${x(server.me, me.rps).toFixed(1)}× / ${x(server.board, board.rps).toFixed(1)}× / ${x(server.newReport, nr.rps).toFixed(1)}× slower`,
        goal: '≤ 3× slower',
        met: worst <= 3 ? 'yes' : 'no',
      });
    } finally {
      api.close();
    }
  } finally {
    setEnv(parseEnv(envVars));
    await h.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
