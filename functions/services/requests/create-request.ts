import { findHomeCourtyard, findRequest, insertRequest, insertRequestEvent } from '../../../db/queries/requests';
import { findPerson } from '../../../db/queries/people';
import { deadlineFor, requestSummary, type TRequestCategory } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { assertOwnMedia } from '../media/get-media';
import { notify } from '../notifications/notify';
import { armNewRequest } from './move-request';
import { ownersOf, slaOf } from './request-access';
import { requestDetail } from './to-request';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { takeTicketSeq } from '../../../db/queries/tickets';
import { formatTicket, ticketYear } from '../../../shared/domain/ticket-number';

/**
 * 找院长: a villager sends a problem to their courtyard. It starts as 小事 owned by the
 * courtyard's heads (the head and any deputy), who are all told; the accept timer starts.
 * It takes its 工单号 (the township's next number this year) in the same transaction.
 */
export async function createRequest(ctx: TSignedInContext, input: { category: TRequestCategory; text: string; place?: string; photoIds: string[] }) {
  const photoIds = [...new Set(input.photoIds)];
  for (const id of photoIds) await assertOwnMedia(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const me = ctx.actor.personId;
    const home = await findHomeCourtyard(tx, me);
    if (!home) throw new AppError('REQUEST_NO_COURTYARD');
    const sla = await slaOf(tx, home.villageId);
    const dueAt = deadlineFor('submitted', now, sla)!;
    const year = ticketYear(now);
    const seq = await takeTicketSeq(tx, home.townshipId, 'request', year);
    const id = await insertRequest(tx, {
      requesterId: me,
      ...home,
      ticketYear: year,
      ticketSeq: seq,
      category: input.category,
      text: input.text,
      place: input.place || null,
      photoIds,
      state: 'submitted',
      level: 'courtyard',
      dueAt,
      createdAt: now,
    });
    await insertRequestEvent(tx, { requestId: id, actorId: me, kind: 'submitted', toState: 'submitted', toLevel: 'courtyard', at: now });
    await armNewRequest(tx, id, dueAt, now);
    const person = await findPerson(tx, me);
    const heads = (await ownersOf(tx, home, 'courtyard')).filter((h) => h !== me);
    const summary = requestSummary(input.category, input.text);
    await notify(
      ctx,
      tx,
      heads.map((h) => ({
        recipientId: h,
        template: 'request_new' as const,
        dedupeKey: `request:${id}:new:${h}`,
        ackKey: ackKeys.request(id),
        payload: {
          requesterName: person?.name ?? '村民',
          summary,
          submittedAt: now.toISOString(),
          requestId: id,
          ticket: formatTicket({ kind: 'request', year, seq }),
        },
      })),
    );
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
