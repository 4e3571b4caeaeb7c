import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { latestMigrationMillis } from './queries/system';

/** The app's database handle: the same type for embedded PGlite and the pg pool. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction is a Db too; queries take `Db` so they run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DbKind = 'pglite' | 'postgres';
export type DbHandle = { db: Db; kind: DbKind; close: () => Promise<void> };

export const MIGRATIONS_DIR = path.resolve(__dirname, 'migrations');

/** Server-pool settings (decision 001): each is a bound that keeps a fault from hanging a request. */
export type TPoolOptions = {
  poolSize?: number;
  /** waiting for a free or new connection longer than this fails the request (503), not hangs it */
  connectTimeoutMs?: number;
  /** the server cancels a statement running longer than this */
  statementTimeoutMs?: number;
  /** the lease of a request's transaction: a session idle inside one this long is ended by the server, releasing its locks and keys */
  idleInTransactionTimeoutMs?: number;
  /** names the connections in pg_stat_activity (defaults to PGAPPNAME, then xiaoyuanjia) */
  applicationName?: string;
  /** called for errors on connections nobody is using (a restart, failover or idle timeout); the connection is discarded */
  onConnectionError?: (err: Error) => void;
  /**
   * 'transaction': the URL is a transaction-mode pooler (PgBouncer), which refuses session
   * settings sent at connect and hands each transaction a different server connection. The two
   * timeouts then travel with every BEGIN as `SET LOCAL` in the same round trip; statements
   * outside a transaction get the server's default (decision 003: set it on the role).
   */
  pooler?: 'none' | 'transaction';
};

/**
 * Driver selection (decision 001): `DATABASE_URL` → a pg pool; otherwise embedded PGlite
 * with its data in `dataDir` (default `.data/pglite`), created on first open.
 */
export async function openDb(opts: { url?: string; dataDir?: string; loadDataDir?: Blob } & TPoolOptions): Promise<DbHandle> {
  if (opts.url) {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pooled = opts.pooler === 'transaction';
    const GuardedPool = await guardedPoolClass(pooled ? beginWithTimeouts(opts) : undefined);
    const pool = new GuardedPool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 0,
      statement_timeout: pooled ? undefined : opts.statementTimeoutMs,
      idle_in_transaction_session_timeout: pooled ? undefined : opts.idleInTransactionTimeoutMs,
      application_name: opts.applicationName ?? process.env.PGAPPNAME ?? 'xiaoyuanjia',
      keepAlive: true,
    });
    const report = opts.onConnectionError ?? (() => undefined);
    // Without these listeners a dropped connection is an unhandled 'error' event and kills the
    // process: the pool's own covers idle clients, ours covers clients checked out by a
    // transaction between two statements. pg discards the broken client either way.
    pool.on('error', () => undefined); // idle clients: reported once, by the client listener below
    pool.on('connect', (client) => client.on('error', report));
    const db = drizzle(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (opts.dataDir && !opts.dataDir.startsWith('memory://')) fs.mkdirSync(opts.dataDir, { recursive: true });
  // every PGlite this app opens loads pg_trgm (migration 0017 creates it; the search's indexes use it)
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { pg_trgm } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

type TCheckedOut = { release: (err?: Error | boolean) => void; once: (ev: 'end', fn: () => void) => void; removeListener: (ev: 'end', fn: () => void) => void };

/**
 * A pg Pool whose checked-out clients give themselves back when their connection ends.
 * drizzle's `transaction` sends BEGIN before its try/finally: a connection killed between
 * checkout and BEGIN (a restart, failover, pg_terminate_backend) stayed checked out for good,
 * and after a few the pool hung. Released with an error, pg destroys the client; the release
 * drizzle may still call afterwards does nothing.
 */
async function guardedPoolClass(rewriteBegin?: (text: string) => string) {
  const { Pool } = await import('pg');
  return class GuardedPool extends Pool {
    // pool.query checks out with a callback and releases properly itself; drizzle awaits connect()
    connect(...args: unknown[]): never {
      if (args.length) return (super.connect as (...a: unknown[]) => never)(...args);
      return super.connect().then((client) => {
        if (rewriteBegin) withRewrittenBegin(client as unknown as TQueryable, rewriteBegin);
        const c = client as unknown as TCheckedOut;
        const release = c.release; // pg sets a fresh once-only release at every checkout
        let released = false;
        const onEnd = () => c.release(new Error('connection ended while checked out'));
        c.release = (err?: Error | boolean) => {
          if (released) return;
          released = true;
          c.removeListener('end', onEnd);
          release(err);
        };
        c.once('end', onEnd);
        return client;
      }) as never;
    }
  };
}

/** One round trip that proves the database answers (`select 1`), for a health check that already knows the rest. */
export async function pingDb(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

type TQueryable = { query: (...a: unknown[]) => unknown; __beginRewritten?: true };

/**
 * Behind a transaction-mode pooler: `begin` becomes `begin; set local …` (one simple-protocol
 * round trip, so the settings bind to the server connection this transaction runs on).
 */
function beginWithTimeouts(opts: TPoolOptions): ((text: string) => string) | undefined {
  const sets = [
    opts.statementTimeoutMs === undefined ? '' : `set local statement_timeout = ${Math.floor(opts.statementTimeoutMs)}`,
    opts.idleInTransactionTimeoutMs === undefined ? '' : `set local idle_in_transaction_session_timeout = ${Math.floor(opts.idleInTransactionTimeoutMs)}`,
  ].filter(Boolean);
  if (!sets.length) return undefined;
  return (text) => [text, ...sets].join('; ');
}

/** drizzle sends BEGIN as `{ text: 'begin…' }` with no parameters on the checked-out client. */
function withRewrittenBegin(client: TQueryable, rewrite: (text: string) => string): void {
  if (client.__beginRewritten) return; // pg hands the same client out again
  client.__beginRewritten = true;
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const [q, values] = args;
    const text =
      typeof q === 'string' ? q : q && typeof q === 'object' && !('name' in q && (q as { name?: string }).name) ? (q as { text?: unknown }).text : undefined;
    if (typeof text === 'string' && /^begin\b/i.test(text) && !(Array.isArray(values) && values.length)) {
      const rewritten = rewrite(text);
      args[0] = typeof q === 'string' ? rewritten : { ...(q as object), text: rewritten };
    }
    return query(...args);
  };
}

type TJournal = { entries: { tag: string; when: number }[] };
const journals = new Map<string, TJournal>();

/** drizzle's journal of the committed migrations (read once per folder). */
export function migrationJournal(dir = MIGRATIONS_DIR): TJournal {
  let j = journals.get(dir);
  if (!j) journals.set(dir, (j = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as TJournal));
  return j;
}

/**
 * Runs the committed SQL migrations with the driver's own migrator. A database already at the
 * newest migration this build carries is left alone after one query: drizzle applies only
 * migrations newer than the newest it recorded, so there would be nothing to do, and reading and
 * hashing every migration file plus its five statements were a tenth of a server's start.
 */
export async function migrateDb(handle: DbHandle): Promise<void> {
  const newest = migrationJournal().entries.at(-1)?.when;
  const recorded = await latestMigrationMillis(handle.db).catch(() => null); // no table yet: a new database
  if (newest !== undefined && recorded !== null && recorded >= newest) return;
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}

/** Dumps an embedded database (tests load one migrated copy per file). */
export async function dumpPglite(handle: DbHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c?: 'none' | 'gzip') => Promise<Blob> } }).$client;
  return client.dumpDataDir('none');
}
