import { findListing, lockListing, updateListing as update } from '../../../db/queries/market';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { assertOwnMedia } from '../media/get-media';
import type { TListingInput } from './listing-input';
import { toListing } from './market-access';

/** 修改: only the seller, only while a draft, rejected or expired (then submitted again). */
export async function updateListing(ctx: TSignedInContext, id: string, input: Partial<TListingInput>) {
  const photoIds = input.photoIds ? [...new Set(input.photoIds)] : undefined;
  for (const p of photoIds ?? []) await assertOwnMedia(ctx, p);
  return ctx.db.transaction(async (tx) => {
    const r = await lockListing(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, 'edit');
    if (why) throw new AppError(why);
    await update(tx, id, { ...input, ...(photoIds ? { photoIds } : {}), updatedAt: ctx.now() });
    return toListing((await findListing(tx, id))!, ctx.actor);
  });
}
