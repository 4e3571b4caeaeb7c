import { decideJoinRequest, findJoinRequest } from '../../../db/queries/join-requests';
import type { TJoinRequest } from '../../../shared/contracts/join';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { joinExpiryKey } from './join-expiry-key';
import { lockPendingJoinRequest } from './lock-pending-join-request';
import { toJoinRequest } from './to-join-request';

/** 拒绝入院 with a reason the applicant sees. */
export async function rejectJoinRequest(ctx: TSignedInContext, id: string, reason: string): Promise<TJoinRequest> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockPendingJoinRequest(tx, id, now);
    await decideJoinRequest(tx, id, { state: 'rejected', decidedBy: ctx.actor.personId, decidedAt: now, reason });
    await cancelJob(tx, joinExpiryKey(id), now);
    await notify(ctx, tx, [
      {
        recipientId: r.personId,
        template: 'join_request_decided',
        payload: { result: '未通过', courtyardName: r.courtyardName, reason },
        dedupeKey: `join-request:${id}:decided`,
      },
    ]);
    return toJoinRequest((await findJoinRequest(tx, id))!, now);
  });
}
