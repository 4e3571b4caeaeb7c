import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import { findMediaMeta, findOwnMediaByHash, insertMedia, readMediaBytes, type TMediaMeta } from '../../../db/queries/media';
import type { TMediaType } from '../../../shared/domain/media';

/**
 * Where photo bytes live. Postgres today (size-capped rows); an object store can implement
 * the same three calls later without touching the use cases.
 */
export type TMediaStore = {
  /** Stores the bytes once per owner; `admit` runs only when they are new (quotas count new photos). */
  put: (
    db: Db,
    m: { ownerId: string; villageId: string | null; courtyardId: string | null; contentType: TMediaType; bytes: Buffer; at: Date },
    admit?: () => Promise<void>,
  ) => Promise<TMediaMeta>;
  meta: (db: Db, id: string) => Promise<TMediaMeta | null>;
  read: (db: Db, id: string) => Promise<Buffer | null>;
};

export const postgresMediaStore: TMediaStore = {
  async put(db, m, admit) {
    const sha256 = createHash('sha256').update(m.bytes).digest('hex');
    const existing = await findOwnMediaByHash(db, m.ownerId, sha256);
    if (existing) return existing;
    await admit?.();
    return insertMedia(db, {
      ownerId: m.ownerId,
      villageId: m.villageId,
      courtyardId: m.courtyardId,
      contentType: m.contentType,
      size: m.bytes.length,
      sha256,
      bytes: m.bytes,
      createdAt: m.at,
    });
  },
  meta: findMediaMeta,
  read: readMediaBytes,
};

export const mediaStore: TMediaStore = postgresMediaStore;
