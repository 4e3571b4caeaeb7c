import fs from 'node:fs';
import { dumpPglite, migrateDb, openDb } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { startPgBouncer, type TPgBouncer } from './pgbouncer';
import { pgliteDumpPath, testDbKind } from './test-db-config';

declare global {
  var __xyjPgBouncer: TPgBouncer | undefined;
}

/**
 * Builds the test database once: migrated and seeded (server), or dumped for per-file copies
 * (PGlite). With TEST_PGBOUNCER=1 on the server, the suite then talks to it only through
 * PgBouncer in transaction mode (decision 003): DATABASE_URL is rewritten before the workers
 * start, and DB_POOLER tells the app (and the server processes tests spawn) it is there.
 */
export default async function globalSetup(): Promise<void> {
  process.env.JEST_RUN_ID ??= String(process.pid);
  if (testDbKind() === 'server') {
    const h = await openDb({ url: process.env.DATABASE_URL });
    await migrateDb(h);
    await seedDemo(h.db);
    await h.close();
    if (process.env.TEST_PGBOUNCER === '1') {
      const bouncer = await startPgBouncer(process.env.DATABASE_URL!);
      globalThis.__xyjPgBouncer = bouncer;
      process.env.DATABASE_URL_DIRECT = process.env.DATABASE_URL;
      process.env.DATABASE_URL = bouncer.url;
      process.env.DB_POOLER = 'transaction';
      process.stdout.write(`\n  db suite → PgBouncer ${bouncer.url} (transaction mode, pid ${bouncer.pid})\n`);
    }
    return;
  }
  const h = await openDb({ dataDir: 'memory://' });
  await migrateDb(h);
  await seedDemo(h.db);
  const blob = await dumpPglite(h);
  fs.writeFileSync(pgliteDumpPath(), Buffer.from(await blob.arrayBuffer()));
  await h.close();
}
