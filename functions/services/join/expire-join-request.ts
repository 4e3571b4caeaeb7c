import type { Db } from '../../../db/client';
import { decideJoinRequest, findJoinRequest } from '../../../db/queries/join-requests';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';

/** Timer: a join request nobody decided within 30 days expires, and the applicant is told. */
export async function expireJoinRequest(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await findJoinRequest(tx, String(payload.requestId));
  if (!r || r.state !== 'pending') return;
  await decideJoinRequest(tx, r.id, { state: 'expired', decidedBy: null, decidedAt: ctx.now() });
  await notify(ctx, tx, [
    {
      recipientId: r.personId,
      template: 'join_request_decided',
      payload: { result: '已过期', courtyardName: r.courtyardName, reason: '长时间未审核，请重新申请' },
      dedupeKey: `join-request:${r.id}:decided`,
    },
  ]);
}
