import type { Db } from '../../../db/client';
import type { TRequestRecord } from '../../../db/queries/requests';
import { listRoleHolders } from '../../../db/queries/roles';
import type { TRequestDetail, TRequestItem } from '../../../shared/contracts/requests';
import { isOverdue, refusal, type TRequestSla } from '../../../shared/domain/requests';
import type { TActor } from '../context';
import { can } from '../../../shared/domain/permissions';
import { requestObject } from './request-access';
import { formatTicket } from '../../../shared/domain/ticket-number';

/** The request's 工单号 as people read it (Z260042). */
export const requestTicket = (r: Pick<TRequestRecord, 'ticketYear' | 'ticketSeq'>) => formatTicket({ kind: 'request', year: r.ticketYear, seq: r.ticketSeq });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRequestItem(r: TRequestRecord, now: Date): TRequestItem {
  return {
    id: r.id,
    ticket: requestTicket(r),
    category: r.category,
    text: r.text,
    state: r.state,
    level: r.level,
    requester: { id: r.requesterId, name: r.requesterName },
    courtyard: { id: r.courtyardId, name: r.courtyardName },
    handler: r.handlerId ? { id: r.handlerId, name: r.handlerName ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
    dueAt: iso(r.dueAt),
    overdue: isOverdue(r, now),
    rating: r.rating,
  };
}

type TContact = TRequestDetail['contacts'][number];
type TPersonPhone = { id: string; name: string; phone: string | null };

/**
 * 打电话 for the requester: the handler once the request has one (they are working on it),
 * before that the courtyard's heads, to whom 找院长 goes. Nobody else gets contacts: staff
 * call the requester, and a neighbour never sees the request.
 */
export function requestContacts(r: TRequestRecord, actor: TActor, heads: TPersonPhone[]): TContact[] {
  if (r.requesterId !== actor.personId) return [];
  const people: TContact[] = [];
  if (r.handlerId) {
    if (r.handlerPhone && r.handlerId !== actor.personId) people.push({ id: r.handlerId, name: r.handlerName ?? '', phone: r.handlerPhone, role: 'handler' });
    return people;
  }
  for (const h of heads) if (h.phone && h.id !== actor.personId) people.push({ id: h.id, name: h.name, phone: h.phone, role: 'courtyard_head' });
  return people;
}

/** The detail for this caller, with the courtyard's heads read only when the requester needs them. */
export async function requestDetail(db: Db, r: TRequestRecord, actor: TActor, now: Date, sla: TRequestSla): Promise<TRequestDetail> {
  const heads = r.requesterId === actor.personId && !r.handlerId ? await listRoleHolders(db, 'courtyard_head', { type: 'courtyard', id: r.courtyardId }) : [];
  return toRequestDetail(r, actor, now, sla, heads);
}

/** The detail, with what this caller may do now (the buttons the client shows). */
export function toRequestDetail(r: TRequestRecord, actor: TActor, now: Date, sla: TRequestSla, heads: TPersonPhone[] = []): TRequestDetail {
  const mine = r.requesterId === actor.personId;
  const handles = can('request.handle', actor, requestObject(r));
  const ok = (a: Parameters<typeof refusal>[1]) => refusal(r, a, now, sla.reopenDays) === null;
  return {
    ...toRequestItem(r, now),
    place: r.place,
    photoIds: r.photoIds,
    requesterPhone: handles && !mine ? r.requesterPhone : null,
    contacts: requestContacts(r, actor, heads),
    acceptedAt: iso(r.acceptedAt),
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    ratingComment: r.ratingComment,
    can: {
      accept: handles && ok('accept'),
      resolve: handles && ok('resolve'),
      setLevel: handles && ok('set_level'),
      message: (handles || mine) && ok('message'),
      confirm: mine && ok('confirm'),
      reopen: mine && ok('reopen'),
      withdraw: mine && ok('withdraw'),
    },
    reopenUntil: r.state === 'resolved' && r.resolvedAt ? new Date(r.resolvedAt.getTime() + sla.reopenDays * 86_400_000).toISOString() : null,
  };
}
