import type { Db } from '../../../db/client';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';

/** Tells buyers whose intents were declined in bulk (sold out, closed, expired). */
export async function tellDeclinedBuyers(
  ctx: TServiceContext,
  tx: Db,
  listing: { id: string; title: string },
  declined: { id: string; buyerId: string }[],
  reason: string,
) {
  await notify(
    ctx,
    tx,
    declined.map((i) => ({
      recipientId: i.buyerId,
      template: 'intent_decided' as const,
      dedupeKey: `intent:${i.id}:decided`,
      payload: { result: 'declined', title: listing.title, reason, listingId: listing.id },
    })),
  );
}
