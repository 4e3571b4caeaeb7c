import fs from 'node:fs';
import { pgliteDumpPath } from './test-db-config';

export default async function globalTeardown(): Promise<void> {
  fs.rmSync(pgliteDumpPath(), { force: true });
  const bouncer = globalThis.__xyjPgBouncer;
  if (bouncer) {
    globalThis.__xyjPgBouncer = undefined;
    if (process.env.DATABASE_URL_DIRECT) process.env.DATABASE_URL = process.env.DATABASE_URL_DIRECT;
    await bouncer.stop();
  }
}
