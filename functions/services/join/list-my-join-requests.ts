import { listJoinRequestsOfPerson } from '../../../db/queries/join-requests';
import type { TJoinRequest } from '../../../shared/contracts/join';
import type { TSignedInContext } from '../context';
import { toJoinRequest } from './to-join-request';

/** 我的入院申请 */
export async function listMyJoinRequests(ctx: TSignedInContext): Promise<{ items: TJoinRequest[] }> {
  const now = ctx.now();
  return { items: (await listJoinRequestsOfPerson(ctx.db, ctx.actor.personId)).map((r) => toJoinRequest(r, now)) };
}
