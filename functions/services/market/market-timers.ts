import type { Db } from '../../../db/client';
import { declinePendingApplications, declinePendingIntents, lockJob, lockListing, updateJob, updateListing } from '../../../db/queries/market';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';
import { tellDeclinedBuyers } from './tell-declined';
import { tellDeclinedWorkers } from './tell-declined-workers';

/** A listing still up at its expiry (same publication) comes down; waiting buyers are declined. */
export async function expireListing(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await lockListing(tx, String(payload.listingId));
  if (!r || r.state !== 'published' || r.publishedAt?.toISOString() !== payload.publishedAt) return;
  const now = ctx.now();
  await updateListing(tx, r.id, { state: 'expired', featured: false, updatedAt: now });
  await tellDeclinedBuyers(ctx, tx, r, await declinePendingIntents(tx, r.id, '商品已到期下架', now), '商品已到期下架');
  await notify(ctx, tx, [
    {
      recipientId: r.sellerId,
      template: 'market_expired',
      dedupeKey: `listing:${r.id}:expired:${String(payload.publishedAt)}`,
      payload: { title: r.title, listingId: r.id },
    },
  ]);
}

/** A job still taking people after its last day comes down. */
export async function expireJob(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await lockJob(tx, String(payload.jobId));
  if (!r || r.state !== 'published' || r.publishedAt?.toISOString() !== payload.publishedAt) return;
  const now = ctx.now();
  await updateJob(tx, r.id, { state: 'expired', updatedAt: now });
  await tellDeclinedWorkers(ctx, tx, r, await declinePendingApplications(tx, r.id, now));
  await notify(ctx, tx, [
    {
      recipientId: r.posterId,
      template: 'market_expired',
      dedupeKey: `job:${r.id}:expired:${String(payload.publishedAt)}`,
      payload: { title: r.title, jobId: r.id },
    },
  ]);
}
