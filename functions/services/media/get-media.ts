import { villageScopePath, courtyardScopePath } from '../../../db/queries/scope';
import { canAct } from '../../../shared/domain/access';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { mediaStore } from './media-store';
import { listRequestsShowingMedia } from '../../../db/queries/requests';
import { isBinReportMedia } from '../../../db/queries/media';
import { listListingsShowingMedia } from '../../../db/queries/market';
import { canSeePost } from '../market/market-access';
import { canSeeRequest } from '../requests/request-access';

/**
 * 查看照片: the uploader, staff whose scope covers where the uploader lives (their
 * courtyard head, the village's cadres, township staff; cleaners only photos on bin reports), and whoever may see a
 * 找院长 request that shows it (a head's photo in the thread reaches the requester), and anyone
 * who may see a listing that shows it (a published listing's photos are public). Others get 404.
 */
export async function getMedia(ctx: TSignedInContext, id: string) {
  const m = await mediaStore.meta(ctx.db, id);
  if (!m) throw new AppError('NOT_FOUND');
  if (m.ownerId !== ctx.actor.personId) {
    const path = m.courtyardId ? await courtyardScopePath(ctx.db, m.courtyardId) : m.villageId ? await villageScopePath(ctx.db, m.villageId) : null;
    const staff = path !== null && (canAct(ctx.actor.grants, ['courtyard_head', 'village_cadre', 'township_staff'], path)
      || (canAct(ctx.actor.grants, ['cleaner'], path) && (await isBinReportMedia(ctx.db, id))));
    const shown = staff
      || (await listRequestsShowingMedia(ctx.db, id)).some((r) => canSeeRequest(ctx.actor, r))
      || (await listListingsShowingMedia(ctx.db, id)).some((l) => canSeePost(ctx.actor, { ...l, ownerId: l.sellerId }));
    if (!shown) throw new AppError('NOT_FOUND');
  }
  const bytes = await mediaStore.read(ctx.db, id);
  return { id: m.id, contentType: m.contentType, base64: bytes!.toString('base64') };
}

/** A photo id given with a report must be the caller's own upload. */
export async function assertOwnMedia(ctx: TSignedInContext, id: string | undefined | null): Promise<void> {
  if (!id) return;
  const m = await mediaStore.meta(ctx.db, id);
  if (!m || m.ownerId !== ctx.actor.personId) throw new AppError('MEDIA_INVALID', { message: '照片无效，请重新上传' });
}
