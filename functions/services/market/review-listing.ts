import { findListing, lockListing, updateListing } from '../../../db/queries/market';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { toListing } from './market-access';

/** 审核: approve → published until it expires (a timer); reject → back to the seller with the reason. */
export async function reviewListing(ctx: TSignedInContext, id: string, d: { decision: 'approve' } | { decision: 'reject'; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockListing(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, 'review');
    if (why) throw new AppError(why);
    if (d.decision === 'approve') {
      const expiresAt = new Date(now.getTime() + ctx.env.LISTING_EXPIRY_DAYS * 86_400_000);
      await updateListing(tx, id, { state: 'published', publishedAt: now, expiresAt, reviewedBy: ctx.actor.personId, rejectReason: null, updatedAt: now });
      await scheduleJob(
        tx,
        { name: 'listing_expire', key: `listing:${id}:expire:${now.getTime()}`, runAt: expiresAt, payload: { listingId: id, publishedAt: now.toISOString() } },
        now,
      );
    } else {
      await updateListing(tx, id, { state: 'rejected', rejectReason: d.reason, reviewedBy: ctx.actor.personId, updatedAt: now });
    }
    await notify(ctx, tx, [
      {
        recipientId: r.sellerId,
        template: 'market_reviewed',
        dedupeKey: `listing:${id}:reviewed:${now.getTime()}`,
        payload: {
          result: d.decision === 'approve' ? 'approved' : 'rejected',
          title: r.title,
          reason: d.decision === 'reject' ? d.reason : null,
          listingId: id,
        },
      },
    ]);
    return toListing((await findListing(tx, id))!, ctx.actor);
  });
}
