import type { Db } from '../../../db/client';
import * as q from '../../../db/queries/access';
import { parseBinInput } from '../../../shared/domain/bin-report';
import { isPostPublic } from '../../../shared/domain/market';
import type { TGrant } from '../../../shared/domain/access';
import type { TAccessObject, TObjectKind } from '../../../shared/domain/permissions';
import { ZRequestLevel } from '../../../shared/contracts/requests';
import type { TErrorCode } from '../../../shared/errors';

/** A route's object: its kind and the id (or code) its path names. */
export type TObjectRef = { kind: TObjectKind; id: string };

/** What a missing object answers, where a plain NOT_FOUND would hide a clearer message. */
export const MISSING: Partial<Record<TObjectKind, TErrorCode>> = { bin: 'BIN_NOT_FOUND' };

const READ: Record<Exclude<TObjectKind, 'self'>, (db: Db, id: string) => Promise<q.TAccessRow | null>> = {
  township: q.townshipAccess,
  village: q.villageAccess,
  courtyard: q.courtyardAccess,
  household: q.householdAccess,
  person: q.personAccess,
  joinRequest: q.joinRequestAccess,
  notification: q.notificationAccess,
  inboxMessage: q.inboxMessageAccess,
  reward: q.rewardAccess,
  redemption: q.redemptionAccess,
  bin: (db, code) => q.binAccess(db, parseBinInput(code)),
  binReport: q.binReportAccess,
  request: q.requestAccess,
  sos: q.sosAccess,
  listing: q.listingAccess,
  job: q.jobAccess,
  intent: q.intentAccess,
  application: q.applicationAccess,
  media: q.mediaAccess,
};

/** The caller themself: what every signed-in person acts on when no object is named. */
export const SELF: TAccessObject = { kind: 'self', place: null };

/**
 * A township, village or courtyard named by one of the caller's grants: the grant carries where
 * it is (as loaded with the session), so nothing needs reading. Places never move between
 * townships or villages, and a grant's scope exists (a foreign key).
 */
export function placeFromGrants(ref: TObjectRef, grants: readonly TGrant[]): q.TAccessRow | null {
  for (const g of grants) {
    if (!g.townshipId) continue;
    if (ref.kind === 'township' && g.townshipId === ref.id) return q.placeRow(ref.id, null, null);
    if (ref.kind === 'village' && g.villageId === ref.id) return q.placeRow(g.townshipId, ref.id, null);
    if (ref.kind === 'courtyard' && g.scopeType === 'courtyard' && g.scopeId === ref.id && g.villageId) return q.placeRow(g.townshipId, g.villageId, ref.id);
  }
  return null;
}

/**
 * 权限对象: loads where the named object lives and who has a part in it, for `can`; null when
 * it does not exist. A photo brings the requests and listings that show it. A place one of
 * `grants` names is not read (placeFromGrants).
 */
export async function resolveObject(db: Db, ref: TObjectRef, grants: readonly TGrant[] = []): Promise<TAccessObject | null> {
  if (ref.kind === 'self') return SELF;
  const row = placeFromGrants(ref, grants) ?? (await READ[ref.kind](db, ref.id));
  if (!row) return null;
  const o = toAccessObject(ref.kind, row);
  if (ref.kind === 'media') {
    const showing = await q.objectsShowingMedia(db, ref.id);
    const shown = await Promise.all([
      ...showing.requests.map((id) => resolveObject(db, { kind: 'request', id })),
      ...showing.listings.map((id) => resolveObject(db, { kind: 'listing', id })),
    ]);
    o.shownIn = shown.filter((x): x is TAccessObject => x !== null);
  }
  return o;
}

function toAccessObject(kind: TObjectKind, r: q.TAccessRow): TAccessObject {
  return {
    kind,
    place: r.townshipId ? { townshipId: r.townshipId, villageId: r.villageId, courtyardId: r.courtyardId } : null,
    owner: r.owner,
    counterpart: r.counterpart,
    handler: r.handler,
    members: r.members,
    responders: r.responders,
    workers: r.workers,
    level: ZRequestLevel.safeParse(r.level).data,
    open: kind === 'bin' || ((kind === 'listing' || kind === 'job') && r.state !== null && isPostPublic(r.state)),
    onBinReport: r.onBinReport,
  };
}
