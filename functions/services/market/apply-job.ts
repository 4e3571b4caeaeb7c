import { findApplication, findJob, insertApplication } from '../../../db/queries/market';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { notify } from '../notifications/notify';
import { toApplication } from './market-access';

/** 报名: once per job while it takes people; the poster is told. */
export async function applyJob(ctx: TSignedInContext, jobId: string, note: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const j = await findJob(tx, jobId);
    if (!j || !['published', 'filled'].includes(j.state)) throw new AppError('NOT_FOUND');
    if (j.posterId === ctx.actor.personId) throw new AppError('OWN_POST');
    if (j.state === 'filled') throw new AppError('JOB_FILLED');
    const why = postRefusal(j.state, 'take');
    if (why) throw new AppError(why);
    const id = await insertApplication(tx, { jobId, workerId: ctx.actor.personId, note, createdAt: now });
    if (!id) throw new AppError('ALREADY_APPLIED');
    const a = (await findApplication(tx, id))!;
    await notify(ctx, tx, [
      {
        recipientId: j.posterId,
        template: 'job_application',
        dedupeKey: `application:${id}:new`,
        payload: { workerName: a.workerName, title: j.title, jobId },
      },
    ]);
    return toApplication(a, ctx.actor.personId, []);
  });
}
