import { declinePendingIntents, findListing, lockListing, updateListing } from '../../../db/queries/market';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { tellDeclinedBuyers } from './tell-declined';
import { toListing } from './market-access';

/** 售完 / 下架 by the seller: buyers still waiting are declined and told. */
export async function closeListing(ctx: TSignedInContext, id: string, to: 'sold_out' | 'closed') {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockListing(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, to === 'sold_out' ? 'sold_out' : 'close');
    if (why) throw new AppError(why);
    await updateListing(tx, id, { state: to, featured: false, updatedAt: now });
    const reason = to === 'sold_out' ? '已售完' : '商品已下架';
    await tellDeclinedBuyers(ctx, tx, r, await declinePendingIntents(tx, id, reason, now), reason);
    return toListing((await findListing(tx, id))!, ctx.actor);
  });
}
