import { migrateDb, openDb, type DbHandle } from '../../db/client';
import { env } from './env';

let current: DbHandle | undefined;
let opening: Promise<DbHandle> | undefined;

/** The process-wide database, opened (and migrated) from the environment on first use. */
export function getDb(): Promise<DbHandle> {
  if (current) return Promise.resolve(current);
  opening ??= (async () => {
    const e = env();
    const h = await openDb(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: e.PGLITE_DIR });
    await migrateDb(h);
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
