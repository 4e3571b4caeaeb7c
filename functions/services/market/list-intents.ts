import { findListing, listIntentsOfBuyer, listIntentsOfListing } from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toIntent } from './market-access';

/** The intents a listing received: its seller only. */
export async function listListingIntents(ctx: TSignedInContext, listingId: string) {
  const l = await findListing(ctx.db, listingId);
  if (!l) throw new AppError('NOT_FOUND');
  return { items: (await listIntentsOfListing(ctx.db, listingId)).map((i) => toIntent(i, ctx.actor.personId)) };
}

/** 我的意向: what I asked for, with the seller's phone once accepted. */
export async function listMyIntents(ctx: TSignedInContext) {
  return { items: (await listIntentsOfBuyer(ctx.db, ctx.actor.personId)).map((i) => toIntent(i, ctx.actor.personId)) };
}
