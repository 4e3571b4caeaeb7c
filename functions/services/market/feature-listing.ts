import { findListing, lockListing, updateListing } from '../../../db/queries/market';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toListing } from './market-access';

/** 村里推荐: a cadre of the listing's village pins it to the top (or unpins it). */
export async function featureListing(ctx: TSignedInContext, id: string, featured: boolean) {
  return ctx.db.transaction(async (tx) => {
    const r = await lockListing(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, 'feature');
    if (why) throw new AppError(why);
    await updateListing(tx, id, { featured, updatedAt: ctx.now() });
    return toListing((await findListing(tx, id))!, ctx.actor);
  });
}
