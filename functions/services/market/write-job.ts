import { findJob, insertJob, lockJob, updateJob as update } from '../../../db/queries/market';
import { findPersonPlace } from '../../../db/queries/org';
import { postRefusal } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { jobColumns, type TJobInput } from './job-input';
import { toJob } from './market-access';

function checkDates(startDate: string, endDate: string) {
  if (endDate < startDate) throw new AppError('JOB_DATES_INVALID');
}

/** 找活干: a new job (draft) in the poster's village — a villager's courtyard, or the village for a cadre. */
export async function createJob(ctx: TSignedInContext, input: TJobInput) {
  checkDates(input.startDate, input.endDate);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const place = await findPersonPlace(tx, ctx.actor.personId);
    if (!place) throw new AppError('MARKET_NO_COURTYARD');
    const id = await insertJob(tx, {
      posterId: ctx.actor.personId,
      villageId: place.villageId,
      courtyardId: place.courtyardId,
      townshipId: place.townshipId,
      ...(jobColumns(input) as Required<ReturnType<typeof jobColumns>>),
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    return toJob((await findJob(tx, id))!, ctx.actor);
  });
}

/** 修改 by the poster while a draft, rejected or expired. */
export async function updateJob(ctx: TSignedInContext, id: string, input: Partial<TJobInput>) {
  return ctx.db.transaction(async (tx) => {
    const r = await lockJob(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    const why = postRefusal(r.state, 'edit');
    if (why) throw new AppError(why);
    checkDates(input.startDate ?? r.startDate, input.endDate ?? r.endDate);
    if (input.headcount !== undefined && input.headcount < r.accepted) throw new AppError('JOB_FILLED', { message: `已录用${r.accepted}人，人数不能少于此` });
    await update(tx, id, { ...jobColumns(input), updatedAt: ctx.now() });
    return toJob((await findJob(tx, id))!, ctx.actor);
  });
}
