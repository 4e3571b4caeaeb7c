import {
  declinePendingApplications,
  findApplication,
  findJob,
  listWorkRecords,
  lockApplication,
  lockJob,
  takeJobPlace,
  updateApplication,
  updateJob,
} from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { notify } from '../notifications/notify';
import { toApplication } from './market-access';
import { tellDeclinedWorkers } from './tell-declined-workers';

/** 录用 / 婉拒 by the poster. Hiring takes a place only while one is left; the last place fills the job. */
export async function decideApplication(ctx: TSignedInContext, id: string, decision: 'accept' | 'decline') {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const peek = await findApplication(tx, id);
    if (!peek) throw new AppError('NOT_FOUND');
    await lockJob(tx, peek.jobId); // job first, then application: one lock order
    const a = (await lockApplication(tx, id))!;
    if (a.state !== 'applied') throw new AppError('ALREADY_DECIDED');
    const job = (await findJob(tx, a.jobId))!;
    if (decision === 'accept') {
      const place = await takeJobPlace(tx, a.jobId, now);
      if (!place) throw new AppError(job.state === 'published' ? 'JOB_FILLED' : 'POST_NOT_PUBLISHED');
      await updateApplication(tx, id, { state: 'accepted', decidedAt: now });
      if (place.accepted === place.headcount) {
        await updateJob(tx, a.jobId, { state: 'filled', updatedAt: now });
        await tellDeclinedWorkers(ctx, tx, job, await declinePendingApplications(tx, a.jobId, now));
      }
    } else {
      await updateApplication(tx, id, { state: 'declined', decidedAt: now });
    }
    await notify(ctx, tx, [
      {
        recipientId: a.workerId,
        template: 'application_decided',
        dedupeKey: `application:${id}:decided`,
        payload: {
          result: decision === 'accept' ? 'accepted' : 'declined',
          title: job.title,
          posterPhone: decision === 'accept' ? job.posterPhone : null,
          jobId: job.id,
        },
      },
    ]);
    return toApplication((await findApplication(tx, id))!, ctx.actor.personId, await listWorkRecords(tx, [id]));
  });
}
