import { findJob, lockJob, updateJob } from '../../../db/queries/market';
import { afterCheck, postRefusal, riskyReason } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { checkPostText } from './content-check';
import { toJob } from './market-access';
import { notifyReviewers } from './notify-reviewers';

/** 提交审核 for a job: the same content check and review as a listing. */
export async function submitJob(ctx: TSignedInContext, id: string) {
  const before = await findJob(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND');
  const why = postRefusal(before.state, 'submit');
  if (why) throw new AppError(why);
  const verdict = await checkPostText(ctx, ctx.actor.personId, before.title, [before.description, before.jobPlace, before.employerName]);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockJob(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const still = postRefusal(r.state, 'submit');
    if (still) throw new AppError(still);
    if (r.updatedAt.getTime() !== before.updatedAt.getTime()) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    const state = afterCheck(verdict.suggest);
    await updateJob(tx, id, {
      state,
      contentCheck: verdict.suggest,
      contentLabel: verdict.label,
      contentTraceId: verdict.traceId,
      rejectReason: state === 'rejected' ? riskyReason(verdict.label) : null,
      publishedAt: null,
      expiresAt: null,
      updatedAt: now,
    });
    if (state === 'pending_review') {
      await notifyReviewers(ctx, tx, {
        kind: 'job',
        id,
        title: r.title,
        posterName: r.posterName,
        courtyardId: r.courtyardId,
        villageId: r.villageId,
        flag: verdict.suggest === 'review' ? '需人工复核' : null,
        seq: String(now.getTime()),
      });
    }
    return toJob((await findJob(tx, id))!, ctx.actor);
  });
}
