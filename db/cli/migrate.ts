import { migrateDb } from '../client';
import { openFromEnv } from './open-from-env';

/** npm run db:migrate — applies committed migrations to DATABASE_URL, or the embedded .data/pglite. */
async function main() {
  const h = await openFromEnv();
  await migrateDb(h);
  process.stdout.write(`migrated (${h.kind})\n`);
  await h.close();
}
main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
