import { migrateDb, openDb, type DbHandle } from '../../db/client';
import { env, type TEnv } from '../runtime/env';
import { log } from './log';

let current: DbHandle | undefined;
let opening: Promise<DbHandle> | undefined;

/** The process-wide database, opened (and migrated) from the environment on first use. */
export function getDb(): Promise<DbHandle> {
  if (current) return Promise.resolve(current);
  opening ??= (async () => {
    const e = env();
    const h = await openDb(e.DATABASE_URL ? { url: e.DATABASE_URL, ...poolOptions(e) } : { dataDir: e.PGLITE_DIR });
    try {
      await migrateDb(h);
    } catch (e) {
      await h.close().catch(() => undefined); // the next request opens afresh
      throw e;
    }
    current = h;
    return h;
  })();
  opening.catch(() => (opening = undefined));
  return opening;
}

/** Installs an opened database as the process-wide one (tests, CLI). */
export function setDb(handle: DbHandle | undefined): void {
  current = handle;
  opening = handle ? Promise.resolve(handle) : undefined;
}

/** The pool's bounds from the environment; a dropped connection is logged, never fatal. */
export function poolOptions(e: TEnv) {
  return {
    poolSize: e.DB_POOL_SIZE,
    pooler: e.DB_POOLER,
    connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: e.IDEMPOTENCY_LEASE_MS,
    onConnectionError: (err: Error) => log('warn', 'database connection lost', { err: err.message }),
  };
}
