import type { Db } from '../../../db/client';
import { findRequestSettings, lockRequest, findRequest, type TRequestRecord } from '../../../db/queries/requests';
import { listRoleHolders } from '../../../db/queries/roles';
import { canAct, type TScopePath } from '../../../shared/domain/access';
import { DEFAULT_SLA, handlerRoles, ownerRole, refusal, tierOf, tierScope, type TRequestAction, type TRequestSla, type TTier } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import type { TActor } from '../context';

const pathOf = (r: TRequestRecord): TScopePath => ({ townshipId: r.townshipId, villageId: r.villageId, courtyardId: r.courtyardId });

/** Visible to its requester and to heads, cadres and township staff over its courtyard — not to neighbours. */
export function canSeeRequest(actor: TActor, r: TRequestRecord): boolean {
  return r.requesterId === actor.personId || canAct(actor.grants, ['courtyard_head', 'village_cadre', 'township_staff'], pathOf(r));
}

/** May act for the tier that owns the request now (a higher tier may always step in). */
export function canHandleRequest(actor: TActor, r: TRequestRecord): boolean {
  return canAct(actor.grants, handlerRoles(tierOf(r.level)), pathOf(r));
}

/** The request, if the caller may see it (otherwise NOT_FOUND: its existence is not revealed). */
export async function loadVisibleRequest(tx: Db, actor: TActor, id: string, lock = false): Promise<TRequestRecord> {
  const r = lock ? await lockRequest(tx, id) : await findRequest(tx, id);
  if (!r || !canSeeRequest(actor, r)) throw new AppError('NOT_FOUND');
  return r;
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
