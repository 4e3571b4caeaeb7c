import type { TSignedInContext } from '../context';
import { loadRequest, slaOf } from './request-access';
import { toRequestDetail } from './to-request';

export async function getRequest(ctx: TSignedInContext, id: string) {
  const r = await loadRequest(ctx.db, id);
  return toRequestDetail(r, ctx.actor, ctx.now(), await slaOf(ctx.db, r.villageId));
}
