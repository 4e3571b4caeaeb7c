import path from 'node:path';
import { openDb, type DbHandle } from '../client';

/** CLI database: DATABASE_URL if set, else the embedded database in PGLITE_DIR (.data/pglite). */
export function openFromEnv(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL || undefined;
  return openDb(url ? { url } : { dataDir: path.resolve(process.env.PGLITE_DIR || '.data/pglite') });
}
