/** The bin registry: bins of a village, their cleaners, labels and their cached 小程序码 images. */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { binCleaners, binCodeImages, bins, courtyards, people, villages } from '../schema';
import type { TBinState, TWxaEnvVersion } from '../../shared/domain/bin-report';
import { binCols, type TBinRecord } from './bins';

export async function findBinImage(db: Db, binId: string, envVersion: TWxaEnvVersion): Promise<{ contentType: string; bytes: Buffer } | null> {
  const [r] = await db
    .select({ contentType: binCodeImages.contentType, bytes: binCodeImages.bytes })
    .from(binCodeImages)
    .where(and(eq(binCodeImages.binId, binId), eq(binCodeImages.envVersion, envVersion)));
  // drivers hand bytea back as Buffer (pg) or Uint8Array (PGlite)
  return r ? { contentType: r.contentType, bytes: Buffer.from(r.bytes) } : null;
}

export async function saveBinImage(db: Db, binId: string, envVersion: TWxaEnvVersion, contentType: string, bytes: Buffer, at: Date): Promise<void> {
  await db.insert(binCodeImages).values({ binId, envVersion, contentType, bytes, createdAt: at }).onConflictDoNothing();
}

/** Bins of a village with their cleaners, by label. */
export async function listBinsOfVillage(db: Db, villageId: string) {
  const rows = await db
    .select({ ...binCols, cleanerId: binCleaners.personId, cleanerName: people.name })
    .from(bins)
    .innerJoin(villages, eq(villages.id, bins.villageId))
    .leftJoin(courtyards, eq(courtyards.id, bins.courtyardId))
    .leftJoin(binCleaners, eq(binCleaners.binId, bins.id))
    .leftJoin(people, eq(people.id, binCleaners.personId))
    .where(eq(bins.villageId, villageId))
    .orderBy(asc(bins.label));
  const out = new Map<string, TBinRecord & { cleaners: { id: string; name: string }[] }>();
  for (const r of rows) {
    const { cleanerId, cleanerName, ...bin } = r;
    const b = out.get(bin.id) ?? { ...bin, cleaners: [] };
    if (cleanerId) b.cleaners.push({ id: cleanerId, name: cleanerName ?? '' });
    out.set(bin.id, b);
  }
  return [...out.values()];
}

/** Inserts a bin; null when the label is taken in the village or the code collided. */
export async function insertBin(
  db: Db,
  v: { villageId: string; courtyardId: string | null; label: string; code: string; lat: number; lng: number },
): Promise<string | null> {
  const [r] = await db.insert(bins).values(v).onConflictDoNothing().returning({ id: bins.id });
  return r?.id ?? null;
}

export async function updateBinRow(
  db: Db,
  id: string,
  set: Partial<{ label: string; lat: number; lng: number; courtyardId: string | null; state: TBinState }>,
): Promise<boolean> {
  if (Object.keys(set).length === 0) return true;
  const r = await db.update(bins).set(set).where(eq(bins.id, id)).returning({ id: bins.id });
  return r.length === 1;
}

export async function setBinCleaners(db: Db, binId: string, personIds: string[]): Promise<void> {
  await db.delete(binCleaners).where(eq(binCleaners.binId, binId));
  if (personIds.length) await db.insert(binCleaners).values(personIds.map((personId) => ({ binId, personId })));
}

export async function courtyardInVillage(db: Db, courtyardId: string, villageId: string): Promise<boolean> {
  const [r] = await db
    .select({ n: count() })
    .from(courtyards)
    .where(and(eq(courtyards.id, courtyardId), eq(courtyards.villageId, villageId)));
  return Number(r.n) > 0;
}

export async function labelTaken(db: Db, villageId: string, label: string, exceptBinId?: string): Promise<boolean> {
  const [r] = await db
    .select({ n: count() })
    .from(bins)
    .where(and(eq(bins.villageId, villageId), eq(bins.label, label), exceptBinId ? sql`${bins.id} <> ${exceptBinId}` : undefined));
  return Number(r.n) > 0;
}
