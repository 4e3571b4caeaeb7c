import type { TRequestRecord } from '../../../db/queries/requests';
import type { TRequestDetail, TRequestItem } from '../../../shared/contracts/requests';
import { isOverdue, refusal, type TRequestSla } from '../../../shared/domain/requests';
import type { TActor } from '../context';
import { can } from '../../../shared/domain/permissions';
import { requestObject } from './request-access';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRequestItem(r: TRequestRecord, now: Date): TRequestItem {
  return {
    id: r.id,
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

/** The detail, with what this caller may do now (the buttons the client shows). */
export function toRequestDetail(r: TRequestRecord, actor: TActor, now: Date, sla: TRequestSla): TRequestDetail {
  const mine = r.requesterId === actor.personId;
  const handles = can('request.handle', actor, requestObject(r));
  const ok = (a: Parameters<typeof refusal>[1]) => refusal(r, a, now, sla.reopenDays) === null;
  return {
    ...toRequestItem(r, now),
    place: r.place,
    photoIds: r.photoIds,
    requesterPhone: handles || mine ? r.requesterPhone : null,
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
