import { declinePendingApplications, findJob, lockJob, updateJob } from '../../../db/queries/market';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toJob } from './market-access';
import { tellDeclinedWorkers } from './tell-declined-workers';

/** 结束招工 by the poster; people still waiting are declined and told. */
export async function closeJob(ctx: TSignedInContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockJob(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, 'close');
    if (why) throw new AppError(why);
    await updateJob(tx, id, { state: 'closed', updatedAt: now });
    await tellDeclinedWorkers(ctx, tx, r, await declinePendingApplications(tx, id, now));
    return toJob((await findJob(tx, id))!, ctx.actor);
  });
}
