import { decideJoinRequest, findJoinRequest, lockJoinRequest } from '../../../db/queries/join-requests';
import type { TJoinRequest } from '../../../shared/contracts/join';
import { effectiveJoinState } from '../../../shared/domain/join-policy';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { joinExpiryKey } from './join-expiry-key';
import { toJoinRequest } from './to-join-request';

/** 撤回: only the applicant (the route decides), only while pending. */
export async function withdrawJoinRequest(ctx: TSignedInContext, id: string): Promise<TJoinRequest> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockJoinRequest(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    if (effectiveJoinState(r.state, r.createdAt, now) !== 'pending') throw new AppError('JOIN_REQUEST_NOT_PENDING');
    await decideJoinRequest(tx, id, { state: 'withdrawn', decidedBy: ctx.actor.personId, decidedAt: now });
    await cancelJob(tx, joinExpiryKey(id), now);
    return toJoinRequest((await findJoinRequest(tx, id))!, now);
  });
}
