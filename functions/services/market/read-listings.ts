import { browseListings as browse, findListing, listListingsOfSeller, listPendingJobs, listPendingListings } from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { reviewerScope, toJob, toListing } from './market-access';
import type { TListingCategory } from '../../../shared/domain/market';

export async function getListing(ctx: TSignedInContext, id: string) {
  const r = await findListing(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  return toListing(r, ctx.actor);
}

/** 逛一逛: published listings, 村里推荐 first, newest next. */
export async function browseListings(ctx: TSignedInContext, q: { villageId?: string; category?: TListingCategory; cursor?: string; limit: number }) {
  let after = null;
  if (q.cursor) {
    const [f, iso, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
    const at = new Date(iso);
    if (!id || Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'query.cursor', message: '无效的分页参数' }] });
    after = { featured: f === '1', at, id };
  }
  const rows = await browse(ctx.db, q, after, q.limit);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > q.limit && last ? Buffer.from(`${last.featured ? 1 : 0}|${last.publishedAt!.toISOString()}|${last.id}`).toString('base64url') : null;
  return { items: items.map((r) => toListing(r, ctx.actor)), nextCursor };
}

export async function myListings(ctx: TSignedInContext) {
  return { items: (await listListingsOfSeller(ctx.db, ctx.actor.personId)).map((r) => toListing(r, ctx.actor)) };
}

/** 待审核: listings and jobs in the courtyards a head covers and the villages a cadre covers. */
export async function reviewQueue(ctx: TSignedInContext) {
  const scope = reviewerScope(ctx.actor);
  return {
    listings: (await listPendingListings(ctx.db, scope)).map((r) => toListing(r, ctx.actor)),
    jobs: (await listPendingJobs(ctx.db, scope)).map((r) => toJob(r, ctx.actor)),
  };
}
