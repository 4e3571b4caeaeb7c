import { listJoinRequestsOfCourtyard } from '../../../db/queries/join-requests';
import type { TJoinRequest, TJoinState } from '../../../shared/contracts/join';
import type { TSignedInContext } from '../context';
import { toJoinRequest } from './to-join-request';

/** 院落的入院申请 for the head / cadre (scope checked by the route); stale ones read as expired. */
export async function listCourtyardJoinRequests(ctx: TSignedInContext, courtyardId: string, state?: TJoinState): Promise<{ items: TJoinRequest[] }> {
  const now = ctx.now();
  const rows = await listJoinRequestsOfCourtyard(ctx.db, courtyardId, state === 'expired' ? undefined : state);
  const items = rows.map((r) => toJoinRequest(r, now));
  return { items: state ? items.filter((i) => i.state === state) : items };
}
