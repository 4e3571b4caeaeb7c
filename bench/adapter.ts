/**
 * bench/adapter: the route adapter's own cost, before any database work — GET /api/me without a
 * token (a 401) through our host, beside a bare node:http server answering the same 401, both in
 * one process, loaded in turns by the same generator (bench/load.ts, in a worker thread). The log
 * stays on at `info` and goes to a pipe, as in production. Prints figures; asserts nothing.
 * Usage: npx tsx bench/adapter.ts [seconds=3] [rounds=3] [connections=10]   (DATABASE_URL → server;
 *   BENCH_LOG_LEVEL=warn: without the per-request log line)
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { migrateDb, openDb } from '../db/client';
import { setDb } from '../functions/_lib/db';
import { createHost } from '../functions/_lib/host';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { load, type TLoadResult } from './load';

const [seconds, rounds, connections] = [Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 10)];
const GOAL = 0.8;

/** The parent keeps the terminal; the child's log lines go down a pipe and are dropped. */
function parent(): void {
  const child = spawn(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_ADAPTER_CHILD: '1' },
  });
  let logLines = 0;
  let rest = '';
  child.stdout.on('data', (b: Buffer) => {
    const lines = (rest + b.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) {
      if (l.startsWith('{')) logLines++;
      else console.log(l);
    }
  });
  child.on('exit', (code) => {
    console.log(`(${logLines} log lines written by the host during the run)`);
    process.exit(code ?? 0);
  });
}

async function child(): Promise<void> {
  setEnv(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', DATABASE_URL: process.env.DATABASE_URL }));
  const h = await openDb(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: 'memory://' });
  await migrateDb(h);
  setDb(h);

  const body = JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: '请先登录', requestId: '00000000-0000-0000-0000-000000000000' } });
  const bare = http.createServer((_req, res) => {
    res.statusCode = 401;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  });
  const host = createHost();
  const listen = (s: http.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as AddressInfo).port)));
  const ports = { bare: await listen(bare), host: await listen(host) };
  const run = (which: keyof typeof ports, secs = seconds) => load({ url: `http://127.0.0.1:${ports[which]}/api/me`, expect: 401 }, secs, connections);

  await run('bare', 1); // warm-up: JIT, the route module loaded, sockets
  await run('host', 1);
  const got: Record<keyof typeof ports, TLoadResult[]> = { bare: [], host: [] };
  for (let i = 0; i < rounds; i++) for (const which of ['bare', 'host'] as const) got[which].push(await run(which));

  const median = (xs: TLoadResult[]) => [...xs].sort((a, b) => a.rps - b.rps)[Math.floor(xs.length / 2)];
  const [b, o] = [median(got.bare), median(got.host)];
  const fmt = (name: string, r: TLoadResult) =>
    `${name.padEnd(30)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  statuses ${JSON.stringify(r.statuses)}`;
  console.log(`adapter overhead: GET /api/me without a token (401), ${connections} connections, median of ${rounds} × ${seconds} s, database ${h.kind}`);
  console.log(fmt('bare node:http', b));
  console.log(fmt('our host (adapter + log)', o));
  console.log(`ratio ${(o.rps / b.rps).toFixed(2)}  (goal ≥ ${GOAL})`);
  await Promise.all([bare, host].map((s) => new Promise((r) => s.close(r))));
  await h.close();
}

if (process.env.BENCH_ADAPTER_CHILD) {
  child().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
} else parent();
