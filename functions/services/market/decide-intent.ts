import { declinePendingIntents, findIntent, lockIntent, lockListing, takeListingQuantity, updateIntent, updateListing } from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { notify } from '../notifications/notify';
import { toIntent } from './market-access';
import { tellDeclinedBuyers } from './tell-declined';

/**
 * 接受 / 婉拒 by the seller. Accepting takes the quantity by a conditional update (never below
 * zero, whatever runs at the same time); at zero the listing is sold out and the rest declined.
 * The buyer is told — with the seller's phone only when accepted.
 */
export async function decideIntent(ctx: TSignedInContext, id: string, d: { decision: 'accept' } | { decision: 'decline'; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const peek = await findIntent(tx, id);
    if (!peek) throw new AppError('NOT_FOUND');
    const listing = await lockListing(tx, peek.listingId); // listing first, then intent: one lock order for every writer
    const i = (await lockIntent(tx, id))!;
    if (i.state !== 'pending') throw new AppError('ALREADY_DECIDED');
    if (d.decision === 'accept') {
      const left = await takeListingQuantity(tx, i.listingId, i.quantity, now);
      if (left === null) {
        throw listing?.state === 'published'
          ? new AppError('NOT_ENOUGH_LEFT', { message: `只剩${listing.quantity}${listing.unit}了，不够这份意向` })
          : new AppError('POST_NOT_PUBLISHED');
      }
      await updateIntent(tx, id, { state: 'accepted', decidedAt: now });
      if (left === 0) {
        await updateListing(tx, i.listingId, { state: 'sold_out', featured: false, updatedAt: now });
        await tellDeclinedBuyers(ctx, tx, { id: i.listingId, title: i.listingTitle }, await declinePendingIntents(tx, i.listingId, '已售完', now), '已售完');
      }
    } else {
      await updateIntent(tx, id, { state: 'declined', declineReason: d.reason || null, decidedAt: now });
    }
    await notify(ctx, tx, [
      {
        recipientId: i.buyerId,
        template: 'intent_decided',
        dedupeKey: `intent:${id}:decided`,
        payload:
          d.decision === 'accept'
            ? { result: 'accepted', title: i.listingTitle, sellerName: i.sellerName, sellerPhone: i.sellerPhone, listingId: i.listingId }
            : { result: 'declined', title: i.listingTitle, reason: d.reason || null, listingId: i.listingId },
      },
    ]);
    return toIntent((await findIntent(tx, id))!, ctx.actor.personId);
  });
}
