import fs from 'node:fs';
import { dumpPglite, migrateDb, openDb } from '../../db/client';
import { seedDemo } from '../../db/seed/demo';
import { pgliteDumpPath, testDbKind } from './test-db-config';

/** Builds the test database once: migrated and seeded (server), or dumped for per-file copies (PGlite). */
export default async function globalSetup(): Promise<void> {
  process.env.JEST_RUN_ID ??= String(process.pid);
  if (testDbKind() === 'server') {
    const h = await openDb({ url: process.env.DATABASE_URL });
    await migrateDb(h);
    await seedDemo(h.db);
    await h.close();
    return;
  }
  const h = await openDb({ dataDir: 'memory://' });
  await migrateDb(h);
  await seedDemo(h.db);
  const blob = await dumpPglite(h);
  fs.writeFileSync(pgliteDumpPath(), Buffer.from(await blob.arrayBuffer()));
  await h.close();
}
