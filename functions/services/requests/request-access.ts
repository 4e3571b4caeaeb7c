import type { Db } from '../../../db/client';
import { findRequestSettings, lockRequest, findRequest, type TRequestRecord } from '../../../db/queries/requests';
import { listRoleHolders } from '../../../db/queries/roles';
import { can, type TAccessObject } from '../../../shared/domain/permissions';
import { DEFAULT_SLA, ownerRole, refusal, tierScope, type TRequestAction, type TRequestSla, type TTier } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import type { TActor } from '../context';

/** The request as the access layer sees it (shared/domain/permissions.ts decides). */
export function requestObject(r: TRequestRecord): TAccessObject {
  return { kind: 'request', place: { townshipId: r.townshipId, villageId: r.villageId, courtyardId: r.courtyardId }, owner: r.requesterId, level: r.level };
}

/** The request (locked for a change); the route already decided the caller may act on it. */
export async function loadRequest(tx: Db, id: string, lock = false): Promise<TRequestRecord> {
  const r = lock ? await lockRequest(tx, id) : await findRequest(tx, id);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** Asks `can` again on the locked row: its level, and so the tier that handles it, may have moved since the route's check. */
export function assertCan(action: 'request.handle' | 'request.message', actor: TActor, r: TRequestRecord): void {
  if (!can(action, actor, requestObject(r))) throw new AppError('FORBIDDEN');
}

export async function slaOf(tx: Db, villageId: string): Promise<TRequestSla> {
  return (await findRequestSettings(tx, villageId)) ?? DEFAULT_SLA;
}

/** Who is told when a tier has to take a request (or a call) up: the tier's owners at its place. */
export async function ownersOf(tx: Db, r: Pick<TRequestRecord, 'courtyardId' | 'villageId' | 'townshipId'>, tier: TTier): Promise<string[]> {
  return (await listRoleHolders(tx, ownerRole(tier), tierScope(r, tier))).map((p) => p.id);
}

/** Throws the 409 the state machine gives when `action` may not happen now. */
export function assertAllowed(r: TRequestRecord, action: TRequestAction, now: Date, sla: TRequestSla): void {
  const why = refusal(r, action, now, sla.reopenDays);
  if (why) throw new AppError(why);
}
