import { getDb } from './db';
import { env } from '../runtime/env';
import { createHost } from './host';
import { log } from './log';
import { isTransient } from './to-app-error';
import { startWorkerInterval } from './worker';

/**
 * Single-server entry: parse env (refuses bad config), open + migrate the database, listen.
 * A database that cannot be reached yet (restarting, failing over) does not stop the start:
 * requests answer 503 until it is back; any other failure (a broken migration) does.
 */
async function main(): Promise<void> {
  const e = env();
  const kind = e.DATABASE_URL ? 'postgres' : 'pglite';
  await getDb().catch((err: unknown) => {
    if (!isTransient(err)) throw err;
    log('warn', 'database unreachable at start; serving 503 until it answers', { err: err instanceof Error ? err.message : String(err) });
  });
  const server = createHost({ staticDir: e.STATIC_DIR });
  server.listen(e.PORT, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : e.PORT;
    log('info', 'listening', { port, database: kind, devLogin: e.ALLOW_DEV_LOGIN });
    process.stdout.write(`\n  小院家 is running: http://localhost:${port}/   (API: http://localhost:${port}/api/health)\n\n`);
  });
  const stopWorker = startWorkerInterval(e.DISPATCH_INTERVAL_MS);
  const stop = () => {
    stopWorker();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
