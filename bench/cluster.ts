/**
 * bench/cluster: the real server entry (functions/_lib/main.ts) with WEB_CONCURRENCY = 1…cores
 * processes behind one port, sharing one database (directly, or through PgBouncer with
 * --pgbouncer). Prints requests per second and errors per process count; asserts nothing.
 * The load generator runs on the same cores, so growth is bounded by what it leaves over.
 * Usage: DATABASE_URL=postgres://… npx tsx bench/cluster.ts [--quick] [--pgbouncer] [--max N]
 */
import os from 'node:os';
import { createOrgTree, createPersonWithRole } from '../db/seed/factories';
import { startSession } from '../functions/services/auth/start-session';
import { startPgBouncer } from '../tests/helpers/pgbouncer';
import { startServerProcess } from '../tests/helpers/server-process';
import { benchDatabase, type TBenchDb } from './bench-db';
import { medianLoad, type TLoadResult } from './load';

export type TClusterRow = { processes: number; health: TLoadResult; me: TLoadResult };

/** Starts `n` processes on `url`, loads /api/health and /api/me, stops them. */
export async function clusterRows(
  bench: TBenchDb,
  opts: { maxProcesses: number; seconds: number; runs: number; connections: number; pooler?: 'transaction'; url?: string },
): Promise<TClusterRow[]> {
  const tree = await createOrgTree(bench.h.db);
  const head = await createPersonWithRole(bench.h.db, tree, 'courtyard_head');
  const { token } = await startSession(bench.h.db, { id: head.personId, name: 'bench' }, { method: 'dev', now: new Date(), ttlDays: 1 });
  const rows: TClusterRow[] = [];
  for (let n = 1; n <= opts.maxProcesses; n++) {
    const server = await startServerProcess(
      {
        DATABASE_URL: opts.url ?? bench.url,
        WEB_CONCURRENCY: String(n),
        // the connection budget (decision 003): the processes together hold what one held
        DB_POOL_SIZE: String(Math.max(2, Math.floor(20 / n))),
        ...(opts.pooler ? { DB_POOLER: opts.pooler } : {}),
        WRITE_LIMIT_PER_MINUTE: '1000000',
        SIGNIN_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: 'error',
      },
      `xyj-bench-cluster-${n}`,
    );
    try {
      const health = { url: `${server.base}/api/health` };
      const me = { url: `${server.base}/api/me`, headers: { authorization: `Bearer ${token}` } };
      await medianLoad(me, 1, opts.connections, 1); // warm every process
      rows.push({
        processes: n,
        health: await medianLoad(health, opts.seconds, opts.connections, opts.runs),
        me: await medianLoad(me, opts.seconds, opts.connections, opts.runs),
      });
    } finally {
      await server.kill();
    }
  }
  return rows;
}

export function printClusterRows(rows: TClusterRow[]): void {
  const one = rows[0];
  console.log('processes | /api/health req/s | × one | /api/me req/s | × one | errors');
  console.log('---|---|---|---|---|---');
  for (const r of rows)
    console.log(
      `${r.processes} | ${r.health.rps.toFixed(0)} | ${(r.health.rps / one.health.rps).toFixed(2)} | ${r.me.rps.toFixed(0)} | ${(r.me.rps / one.me.rps).toFixed(2)} | ${r.health.errors + r.me.errors}${(r.health.firstError ?? r.me.firstError) ? ` (${r.health.firstError ?? r.me.firstError})` : ''}`,
    );
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench/cluster needs DATABASE_URL (the PostgreSQL server)');
  const quick = process.argv.includes('--quick');
  const maxAt = process.argv.indexOf('--max');
  const maxProcesses = maxAt > 0 ? Number(process.argv[maxAt + 1]) : os.availableParallelism();
  const bench = await benchDatabase(process.env.DATABASE_URL);
  const bouncer = process.argv.includes('--pgbouncer') ? await startPgBouncer(bench.url) : undefined;
  try {
    const rows = await clusterRows(bench, {
      maxProcesses,
      seconds: quick ? 2 : 4,
      runs: quick ? 1 : 3,
      connections: 20,
      ...(bouncer ? { url: bouncer.url, pooler: 'transaction' as const } : {}),
    });
    console.log(
      `cluster: ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}${bouncer ? ', through PgBouncer (transaction mode)' : ''}`,
    );
    printClusterRows(rows);
  } finally {
    await bouncer?.stop();
    await bench.drop();
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
