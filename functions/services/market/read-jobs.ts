import { browseJobs as browse, findJob, listJobsOfPoster } from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { decodeCursor, encodeCursor } from '../paging';
import { toJob } from './market-access';

export async function getJob(ctx: TSignedInContext, id: string) {
  const r = await findJob(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  return toJob(r, ctx.actor);
}

/** 找活干: jobs taking people now, newest first. */
export async function browseJobs(ctx: TSignedInContext, q: { villageId?: string; cursor?: string; limit: number }) {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const rows = await browse(ctx.db, q, after ? { at: after.createdAt, id: after.id } : null, q.limit);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => toJob(r, ctx.actor)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ createdAt: last.publishedAt!, id: last.id }) : null,
  };
}

export async function myJobs(ctx: TSignedInContext) {
  return { items: (await listJobsOfPoster(ctx.db, ctx.actor.personId)).map((r) => toJob(r, ctx.actor)) };
}
