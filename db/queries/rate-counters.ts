import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { rateCounters } from '../schema';

const takeRows = prepared((db, p: TPlaceholders<{ bucket: string; windowStart: Date; bytes: number; maxCount: number; maxBytes: number }>) =>
  db
    .insert(rateCounters)
    .values({ bucket: p.bucket, windowStart: p.windowStart, count: 1, bytes: p.bytes })
    .onConflictDoUpdate({
      target: [rateCounters.bucket, rateCounters.windowStart],
      set: { count: sql`${rateCounters.count} + 1`, bytes: sql`${rateCounters.bytes} + ${p.bytes}` },
      setWhere: sql`${rateCounters.count} + 1 <= ${p.maxCount} and ${rateCounters.bytes} + ${p.bytes} <= ${p.maxBytes}`,
    })
    .returning({ count: rateCounters.count }),
);

/**
 * Takes one event (and `bytes`) from a bucket's window if it stays within the limits, in one
 * statement: concurrent takers from any instance never pass the limit together. Returns
 * false, counting nothing, when it would.
 */
export async function takeFromCounter(db: Db, v: { bucket: string; windowStart: Date; bytes?: number; maxCount: number; maxBytes?: number }): Promise<boolean> {
  const bytes = v.bytes ?? 0;
  const maxBytes = v.maxBytes ?? Number.MAX_SAFE_INTEGER;
  if (v.maxCount < 1 || bytes > maxBytes) return false;
  const rows = await takeRows(db, { bucket: v.bucket, windowStart: v.windowStart, bytes, maxCount: v.maxCount, maxBytes });
  return rows.length === 1;
}

/** What a bucket's window holds so far (tests, figures). */
export async function readCounter(db: Db, bucket: string, windowStart: Date): Promise<{ count: number; bytes: number }> {
  const [r] = await db
    .select({ count: rateCounters.count, bytes: rateCounters.bytes })
    .from(rateCounters)
    .where(and(eq(rateCounters.bucket, bucket), eq(rateCounters.windowStart, windowStart)));
  return r ?? { count: 0, bytes: 0 };
}

/** Housekeeping: windows that ended long ago count nothing any more. */
export async function deleteCountersBefore(db: Db, before: Date): Promise<number> {
  const r = await db.delete(rateCounters).where(lt(rateCounters.windowStart, before)).returning({ bucket: rateCounters.bucket });
  return r.length;
}
