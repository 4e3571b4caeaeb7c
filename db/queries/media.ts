import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { media } from '../schema';
import type { TMediaType } from '../../shared/domain/media';

export type TMediaMeta = { id: string; ownerId: string; villageId: string | null; courtyardId: string | null; contentType: TMediaType; size: number };

const meta = {
  id: media.id,
  ownerId: media.ownerId,
  villageId: media.villageId,
  courtyardId: media.courtyardId,
  contentType: media.contentType,
  size: media.size,
};

export async function insertMedia(
  db: Db,
  v: {
    ownerId: string;
    villageId: string | null;
    courtyardId: string | null;
    contentType: TMediaType;
    size: number;
    sha256: string;
    bytes: Buffer;
    createdAt: Date;
  },
): Promise<TMediaMeta> {
  const [r] = await db.insert(media).values(v).returning(meta);
  return r;
}

/** The owner's earlier upload of the same bytes (a retried upload stores nothing twice). */
export async function findOwnMediaByHash(db: Db, ownerId: string, sha256: string): Promise<TMediaMeta | null> {
  const [r] = await db
    .select(meta)
    .from(media)
    .where(and(eq(media.ownerId, ownerId), eq(media.sha256, sha256)))
    .limit(1);
  return r ?? null;
}

export async function findMediaMeta(db: Db, id: string): Promise<TMediaMeta | null> {
  const [r] = await db.select(meta).from(media).where(eq(media.id, id));
  return r ?? null;
}

export async function readMediaBytes(db: Db, id: string): Promise<Buffer | null> {
  const [r] = await db.select({ bytes: media.bytes }).from(media).where(eq(media.id, id));
  return r ? Buffer.from(r.bytes) : null;
}
