import { findJob, lockJob, updateJob } from '../../../db/queries/market';
import { jobEndsAt, postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { toJob } from './market-access';

/** 审核 a job: approve → listed until the end of its last day (a timer); reject with the reason. */
export async function reviewJob(ctx: TSignedInContext, id: string, d: { decision: 'approve' } | { decision: 'reject'; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockJob(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, 'review');
    if (why) throw new AppError(why);
    if (d.decision === 'approve') {
      const expiresAt = jobEndsAt(r.endDate);
      await updateJob(tx, id, { state: 'published', publishedAt: now, expiresAt, reviewedBy: ctx.actor.personId, rejectReason: null, updatedAt: now });
      await scheduleJob(
        tx,
        { name: 'job_expire', key: `job:${id}:expire:${now.getTime()}`, runAt: expiresAt, payload: { jobId: id, publishedAt: now.toISOString() } },
        now,
      );
    } else {
      await updateJob(tx, id, { state: 'rejected', rejectReason: d.reason, reviewedBy: ctx.actor.personId, updatedAt: now });
    }
    await notify(ctx, tx, [
      {
        recipientId: r.posterId,
        template: 'market_reviewed',
        dedupeKey: `job:${id}:reviewed:${now.getTime()}`,
        payload: { result: d.decision === 'approve' ? 'approved' : 'rejected', title: r.title, reason: d.decision === 'reject' ? d.reason : null, jobId: id },
      },
    ]);
    return toJob((await findJob(tx, id))!, ctx.actor);
  });
}
