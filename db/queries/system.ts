import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** The `created_at` (folder millis) of the newest applied migration, or null if none. */
export async function latestMigrationMillis(db: Db): Promise<number | null> {
  const r = await db.execute<{ created_at: string | number }>(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  const rows = (r as unknown as { rows: { created_at: string | number }[] }).rows;
  return rows.length ? Number(rows[0].created_at) : null;
}
