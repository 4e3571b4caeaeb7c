import { findIntent, findListing, insertIntent } from '../../../db/queries/market';
import { findPerson } from '../../../db/queries/people';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { notify } from '../notifications/notify';
import { toIntent } from './market-access';

/** 我想要: any signed-in person (also outside the village) asks the seller for a quantity. */
export async function createIntent(ctx: TSignedInContext, listingId: string, input: { quantity: number; phone: string; note: string }) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const l = await findListing(tx, listingId);
    if (!l || !['published', 'sold_out'].includes(l.state)) throw new AppError('NOT_FOUND');
    if (l.sellerId === ctx.actor.personId) throw new AppError('OWN_POST');
    const why = postRefusal(l.state, 'take');
    if (why) throw new AppError(why);
    if (input.quantity > l.quantity) throw new AppError('NOT_ENOUGH_LEFT', { message: `只剩${l.quantity}${l.unit}了，请减少数量` });
    const id = await insertIntent(tx, {
      listingId,
      buyerId: ctx.actor.personId,
      quantity: input.quantity,
      phone: input.phone,
      note: input.note,
      createdAt: now,
    });
    const buyer = await findPerson(tx, ctx.actor.personId);
    await notify(ctx, tx, [
      {
        recipientId: l.sellerId,
        template: 'listing_intent',
        dedupeKey: `intent:${id}:new`,
        payload: { buyerName: buyer?.name ?? '', title: l.title, quantity: input.quantity, unit: l.unit, listingId },
      },
    ]);
    return toIntent((await findIntent(tx, id))!, ctx.actor.personId);
  });
}
