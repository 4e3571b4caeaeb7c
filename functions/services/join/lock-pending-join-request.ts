import { lockJoinRequest } from '../../../db/queries/join-requests';
import type { Tx } from '../../../db/client';
import { effectiveJoinState } from '../../../shared/domain/join-policy';
import { AppError } from '../../../shared/errors';

/** Locks a join request that must still be pending (stale counts as expired). */
export async function lockPendingJoinRequest(tx: Tx, id: string, now: Date) {
  const r = await lockJoinRequest(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  if (effectiveJoinState(r.state, r.createdAt, now) !== 'pending') throw new AppError('JOIN_REQUEST_NOT_PENDING');
  return r;
}
