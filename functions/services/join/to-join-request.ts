import type { TJoinRequestRecord } from '../../../db/queries/join-requests';
import type { TJoinRequest } from '../../../shared/contracts/join';
import { effectiveJoinState } from '../../../shared/domain/join-policy';

/** Record → response object; a stale pending request reads as expired. */
export function toJoinRequest(r: TJoinRequestRecord, now: Date): TJoinRequest {
  return {
    id: r.id,
    state: effectiveJoinState(r.state, r.createdAt, now),
    courtyard: { id: r.courtyardId, name: r.courtyardName },
    name: r.name,
    phone: r.phone,
    householdLabel: r.householdLabel,
    members: r.members,
    flags: { livesAlone: r.livesAlone, elderly: r.elderly, needsCare: r.needsCare },
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
