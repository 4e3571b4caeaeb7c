import { findListing, insertMediaChecks, lockListing, updateListing } from '../../../db/queries/market';
import { afterCheck, postRefusal, riskyReason } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { checkPostText } from './content-check';
import { toListing } from './market-access';
import { notifyReviewers } from './notify-reviewers';
import { startPhotoChecks } from './start-photo-checks';

/**
 * 提交审核: WeChat's content security first (outside the transaction: it is a network call) —
 * risky → rejected with the reason; review or pass → waits for the head or a cadre, who are told.
 * Photos are sent to media_check_async when configured; their verdicts arrive later by push.
 */
export async function submitListing(ctx: TSignedInContext, id: string) {
  const before = await findListing(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND');
  const why = postRefusal(before.state, 'submit');
  if (why) throw new AppError(why);
  const verdict = await checkPostText(ctx, ctx.actor.personId, before.title, [before.description, before.pickupNote]);
  const photoChecks = verdict.suggest === 'risky' ? [] : await startPhotoChecks(ctx, ctx.actor.personId, before.photoIds);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockListing(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const still = postRefusal(r.state, 'submit');
    if (still) throw new AppError(still);
    if (r.updatedAt.getTime() !== before.updatedAt.getTime()) throw new AppError('IDEMPOTENCY_IN_PROGRESS'); // edited meanwhile: submit again
    const state = afterCheck(verdict.suggest);
    await updateListing(tx, id, {
      state,
      contentCheck: verdict.suggest,
      contentLabel: verdict.label,
      contentTraceId: verdict.traceId,
      rejectReason: state === 'rejected' ? riskyReason(verdict.label) : null,
      featured: false,
      publishedAt: null,
      expiresAt: null,
      updatedAt: now,
    });
    await insertMediaChecks(
      tx,
      photoChecks.map((c) => ({ ...c, listingId: id, createdAt: now })),
    );
    if (state === 'pending_review') {
      await notifyReviewers(ctx, tx, {
        kind: 'listing',
        id,
        title: r.title,
        posterName: r.sellerName,
        courtyardId: r.courtyardId,
        villageId: r.villageId,
        flag: verdict.suggest === 'review' ? '需人工复核' : null,
        seq: String(now.getTime()),
      });
    }
    return toListing((await findListing(tx, id))!, ctx.actor);
  });
}
