import { findRequest } from '../../../db/queries/requests';
import type { TSignedInContext } from '../context';
import { notify } from '../notifications/notify';
import { awardPoints } from '../points/award-points';
import { requestSummary } from '../../../shared/domain/requests';
import { moveRequest } from './move-request';
import { assertAllowed, loadRequest, slaOf } from './request-access';
import { requestDetail, requestTicket } from './to-request';

/**
 * 确认办结并评价: only the requester closes the loop, rating 1–5. Village rules may award
 * points through the ledger — request_confirmed to the handler (their courtyard's board),
 * request_participation to the requester — once per request.
 */
export async function confirmRequest(ctx: TSignedInContext, id: string, rating: number, comment?: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await loadRequest(tx, id, true);
    const sla = await slaOf(tx, r.villageId);
    assertAllowed(r, 'confirm', now, sla);
    const seq = await moveRequest(
      tx,
      r,
      {
        kind: 'closed',
        actorId: ctx.actor.personId,
        state: 'closed',
        note: comment ? `${rating}星：${comment}` : `${rating}星`,
        extra: { closedAt: now, rating, ratingComment: comment || null },
      },
      now,
      sla,
    );
    const source = { kind: 'request', id };
    if (r.handlerId) {
      const { awarded } = await awardPoints(tx, { personId: r.handlerId, eventKind: 'request_confirmed', source, at: now });
      await notify(ctx, tx, [
        {
          recipientId: r.handlerId,
          template: 'request_update',
          dedupeKey: `request:${id}:${seq}:rated`,
          payload: {
            summary: requestSummary(r.category, r.text),
            status: `村民已确认，评价${rating}星${awarded ? `，积分+${awarded}` : ''}`,
            updatedAt: now.toISOString(),
            requestId: id,
            ticket: requestTicket(r),
          },
        },
      ]);
    }
    await awardPoints(tx, { personId: r.requesterId, eventKind: 'request_participation', source, at: now });
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
