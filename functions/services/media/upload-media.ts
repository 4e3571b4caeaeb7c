import { findPersonPlace } from '../../../db/queries/org';
import { MEDIA_MAX_BYTES, sniffImageType } from '../../../shared/domain/media';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { takePhotoQuota } from '../limits/take-photo-quota';
import { mediaStore } from './media-store';

/**
 * 上传照片: the type is read from the bytes, the size capped; the same photo twice is stored
 * once; a new photo counts against the day's quotas (runs in the request's transaction).
 */
export async function uploadMedia(ctx: TSignedInContext, dataBase64: string) {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('MEDIA_INVALID');
  if (bytes.length > MEDIA_MAX_BYTES) throw new AppError('MEDIA_TOO_LARGE');
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new AppError('MEDIA_INVALID');
  const place = await findPersonPlace(ctx.db, ctx.actor.personId);
  const m = await mediaStore.put(
    ctx.db,
    { ownerId: ctx.actor.personId, villageId: place?.villageId ?? null, courtyardId: place?.courtyardId ?? null, contentType, bytes, at: ctx.now() },
    () => takePhotoQuota(ctx, place, bytes.length),
  );
  return { id: m.id, contentType: m.contentType, size: m.size };
}
