import { sql } from 'drizzle-orm';
import { migrateDb, openDb, type DbHandle } from '../db/client';
import { seedDemo } from '../db/seed/demo';

export type TBenchDb = { url: string; h: DbHandle; drop: () => Promise<void> };

/** A fresh, migrated and seeded database of its own on the server in DATABASE_URL, dropped afterwards. */
export async function benchDatabase(base: string, poolSize = 10): Promise<TBenchDb> {
  const admin = await openDb({ url: base, poolSize: 1 });
  const name = `xyj_bench_${Date.now()}_${process.pid}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), poolSize });
  await migrateDb(h);
  await seedDemo(h.db);
  return {
    url: url.toString(),
    h,
    drop: async () => {
      await h.close().catch(() => undefined);
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
