import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { mediaStore } from './media-store';

/**
 * 查看照片: who may see a photo is decided by the route (shared/domain/permissions.ts
 * `media.view`: the uploader, staff over where they live, cleaners for bin-report photos, and
 * whoever may see a request or listing that shows it).
 */
export async function getMedia(ctx: TSignedInContext, id: string) {
  const m = await mediaStore.meta(ctx.db, id);
  const bytes = m && (await mediaStore.read(ctx.db, id));
  if (!m || !bytes) throw new AppError('NOT_FOUND');
  return { id: m.id, contentType: m.contentType, base64: bytes.toString('base64') };
}

/** A photo id given with a report must be the caller's own upload. */
export async function assertOwnMedia(ctx: TSignedInContext, id: string | undefined | null): Promise<void> {
  if (!id) return;
  const m = await mediaStore.meta(ctx.db, id);
  if (!m || m.ownerId !== ctx.actor.personId) throw new AppError('MEDIA_INVALID', { message: '照片无效，请重新上传' });
}
