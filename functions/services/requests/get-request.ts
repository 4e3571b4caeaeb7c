import type { TSignedInContext } from '../context';
import { loadRequest, slaOf } from './request-access';
import { requestDetail } from './to-request';

export async function getRequest(ctx: TSignedInContext, id: string) {
  const r = await loadRequest(ctx.db, id);
  return requestDetail(ctx.db, r, ctx.actor, ctx.now(), await slaOf(ctx.db, r.villageId));
}
