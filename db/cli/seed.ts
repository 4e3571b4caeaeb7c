import { migrateDb } from '../client';
import { seedDemo } from '../seed/demo';
import { openFromEnv } from './open-from-env';

/** npm run db:seed — migrates, then loads the deterministic demo village (once). */
async function main() {
  const h = await openFromEnv();
  await migrateDb(h);
  const r = await seedDemo(h.db);
  process.stdout.write(r === 'already-seeded' ? 'demo data already present\n' : `seeded demo: ${JSON.stringify(r)}\n`);
  await h.close();
}
main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
