import type { Db } from '../../../db/client';
import { anonymisePerson, decideDeletionRequest, type TDeletionRecord } from '../../../db/queries/privacy';
import type { TDeletionRequest } from '../../../shared/contracts/privacy';
import { DELETED_PERSON_NAME } from '../../../shared/domain/privacy';

/** Carries out a pending 注销 in the caller's transaction (decision 017). */
export async function anonymise(tx: Db, r: TDeletionRecord, decidedBy: string | null, at: Date): Promise<TDeletionRecord> {
  await anonymisePerson(tx, r.personId, DELETED_PERSON_NAME, at);
  return decideDeletionRequest(tx, r.id, { state: 'confirmed', decidedBy, decidedAt: at });
}

export function toDeletionRequest(r: TDeletionRecord): TDeletionRequest {
  return { id: r.id, state: r.state, requestedAt: r.requestedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null };
}
