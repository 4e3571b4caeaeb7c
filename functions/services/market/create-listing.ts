import { findListing, insertListing } from '../../../db/queries/market';
import { findHomeCourtyard } from '../../../db/queries/requests';
import type { TListingInput } from './listing-input';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { assertOwnMedia } from '../media/get-media';
import { toListing } from './market-access';

/** 帮我卖: a new listing starts as a draft in the seller's courtyard (its head reviews it). */
export async function createListing(ctx: TSignedInContext, input: TListingInput) {
  const photoIds = [...new Set(input.photoIds)];
  for (const p of photoIds) await assertOwnMedia(ctx, p);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const home = await findHomeCourtyard(tx, ctx.actor.personId);
    if (!home) throw new AppError('MARKET_NO_COURTYARD');
    const id = await insertListing(tx, {
      sellerId: ctx.actor.personId,
      villageId: home.villageId,
      courtyardId: home.courtyardId,
      townshipId: home.townshipId,
      ...input,
      photoIds,
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    return toListing((await findListing(tx, id))!, ctx.actor);
  });
}
