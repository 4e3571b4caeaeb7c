import type { Db } from '../../../db/client';
import { findRequestSettings, lockRequest, findRequest, listTownshipRoleHolders, type TRequestRecord } from '../../../db/queries/requests';
import { listCourtyardRoleHolders } from '../../../db/queries/roles';
import { listVillageRoleHolders } from '../../../db/queries/bins';
import { can, type TAccessObject } from '../../../shared/domain/permissions';
import { DEFAULT_SLA, refusal, type TRequestAction, type TRequestSla, type TTier } from '../../../shared/domain/requests';
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

/** Who is told when a tier has to take a request up. */
export function ownersOf(tx: Db, r: Pick<TRequestRecord, 'courtyardId' | 'villageId' | 'townshipId'>, tier: TTier): Promise<string[]> {
  if (tier === 'courtyard') return listCourtyardRoleHolders(tx, 'courtyard_head', r.courtyardId);
  if (tier === 'village') return listVillageRoleHolders(tx, 'village_cadre', r.villageId);
  return listTownshipRoleHolders(tx, 'township_staff', r.townshipId);
}

/** Throws the 409 the state machine gives when `action` may not happen now. */
export function assertAllowed(r: TRequestRecord, action: TRequestAction, now: Date, sla: TRequestSla): void {
  const why = refusal(r, action, now, sla.reopenDays);
  if (why) throw new AppError(why);
}
