import cluster from 'node:cluster';
import { getDb, setDb } from './db';
import { env } from '../runtime/env';
import { createHost } from './host';
import { flushLog, log } from './log';
import type { TRouteTable } from './routes';
import { isTransient } from './to-app-error';

type TServeOptions = { routes?: TRouteTable };

/** Printed once the port answers; tests and scripts/start.mjs wait for this line. */
const banner = (port: number) => `\n  小院家 is running: http://localhost:${port}/   (API: http://localhost:${port}/api/health)\n\n`;

/** Opens (and migrates) the database; one that cannot be reached yet is served as 503 until it answers. */
async function openDatabase(): Promise<void> {
  await getDb().catch((err: unknown) => {
    if (!isTransient(err)) throw err;
    log('warn', 'database unreachable at start; serving 503 until it answers', { err: err instanceof Error ? err.message : String(err) });
  });
}

/**
 * Single-server start: parse env (refuses bad config), open + migrate the database, listen.
 * A database that cannot be reached yet (restarting, failing over) does not stop the start:
 * requests answer 503 until it is back; any other failure (a broken migration) does.
 * WEB_CONCURRENCY > 1 runs that many processes on one port (node:cluster, round robin).
 * `routes`: the prebuilt server's bundled table; tsx finds the route files itself.
 */
export async function serve(opts: TServeOptions = {}): Promise<void> {
  const e = env();
  if (e.WEB_CONCURRENCY > 1 && cluster.isPrimary) return primary(e.WEB_CONCURRENCY);
  const kind = e.DATABASE_URL ? 'postgres' : 'pglite';
  await openDatabase();
  const server = createHost({ staticDir: e.STATIC_DIR, adminDir: e.ADMIN_DIR, routes: opts.routes });
  server.listen(e.PORT, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : e.PORT;
    const codeCache = (globalThis as { xyjCodeCache?: string }).xyjCodeCache; // set by start.js (start-built.ts)
    log('info', 'listening', {
      port,
      database: kind,
      devLogin: e.ALLOW_DEV_LOGIN,
      ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}),
      ...(codeCache ? { codeCache } : {}),
    });
    flushLog();
    if (cluster.isWorker) process.send?.({ listening: port });
    else process.stdout.write(banner(port));
  });
  // one process of a cluster drains the outbox on the interval (the others still kick after their commits)
  // the dispatcher loads after the start (its first tick is an interval away anyway)
  const intervalMs = cluster.isWorker && process.env.XYJ_CLUSTER_SLOT !== '0' ? 0 : e.DISPATCH_INTERVAL_MS;
  const stopWorker = intervalMs > 0 ? import('./worker').then((w) => w.startWorkerInterval(intervalMs)) : Promise.resolve(() => undefined);
  const stop = () => {
    void stopWorker.then((s) => s());
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The cluster's primary serves nothing: it migrates once (so the workers' own migrate finds
 * nothing to do instead of racing), forks `n` workers that share the port, prints the banner
 * when all of them listen, replaces a worker that dies, and stops them all on SIGINT/SIGTERM.
 */
async function primary(n: number): Promise<void> {
  await openDatabase();
  // the primary keeps no connection: its pool would count against the budget (decision 003)
  await getDb()
    .then((h) => h.close())
    .catch(() => undefined);
  setDb(undefined);
  let stopping = false;
  const listening = new Set<number>();
  const fork = (slot: number) => {
    const w = cluster.fork({ XYJ_CLUSTER_SLOT: String(slot) });
    w.on('message', (m: { listening?: number }) => {
      if (typeof m?.listening !== 'number') return;
      listening.add(slot);
      if (listening.size === n) process.stdout.write(banner(m.listening));
    });
    w.on('exit', (code, signal) => {
      if (stopping) return;
      log('error', 'server process died; starting another', { slot, code, signal });
      setTimeout(() => fork(slot), 200);
    });
  };
  for (let slot = 0; slot < n; slot++) fork(slot);
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    let left = Object.keys(cluster.workers ?? {}).length;
    if (!left) process.exit(0);
    cluster.on('exit', () => --left <= 0 && process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Runs `serve` as the process's entry: a failure to start ends the process with its message. */
export function serveMain(opts: TServeOptions = {}): void {
  serve(opts).catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
