import {
  findApplication,
  listApplicationsOfJob,
  listApplicationsOfWorker,
  listWorkRecords,
  lockApplication,
  updateApplication,
  upsertWorkRecord,
  findJob,
} from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toApplication } from './market-access';

/** 撤回报名 by the worker before a decision. */
export async function withdrawApplication(ctx: TSignedInContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const a = await lockApplication(tx, id);
    if (!a) throw new AppError('NOT_FOUND');
    if (a.state !== 'applied') throw new AppError('ALREADY_DECIDED');
    await updateApplication(tx, id, { state: 'withdrawn', decidedAt: ctx.now() });
    return toApplication((await findApplication(tx, id))!, ctx.actor.personId, []);
  });
}

/**
 * 工作记录: the hired worker and the poster each confirm days worked and pay, separately — each
 * side may correct its own record, never the other's, so a dispute has both accounts.
 */
export async function confirmWork(ctx: TSignedInContext, id: string, w: { days: number; payFen: number }) {
  return ctx.db.transaction(async (tx) => {
    const a = await lockApplication(tx, id);
    const me = ctx.actor.personId;
    if (!a) throw new AppError('NOT_FOUND');
    if (a.state !== 'accepted') throw new AppError('NOT_HIRED');
    await upsertWorkRecord(tx, {
      applicationId: id,
      side: a.workerId === me ? 'worker' : 'poster',
      personId: me,
      days: w.days,
      payFen: w.payFen,
      at: ctx.now(),
    });
    return toApplication(a, me, await listWorkRecords(tx, [id]));
  });
}

/** 报名的人: the poster only. */
export async function listJobApplications(ctx: TSignedInContext, jobId: string) {
  const j = await findJob(ctx.db, jobId);
  if (!j) throw new AppError('NOT_FOUND');
  const rows = await listApplicationsOfJob(ctx.db, jobId);
  const records = await listWorkRecords(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toApplication(r, ctx.actor.personId, records)) };
}

export async function listMyApplications(ctx: TSignedInContext) {
  const rows = await listApplicationsOfWorker(ctx.db, ctx.actor.personId);
  const records = await listWorkRecords(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toApplication(r, ctx.actor.personId, records)) };
}
