import { findRequest } from '../../../db/queries/requests';
import { requestSummary } from '../../../shared/domain/requests';
import { clipText } from '../../../shared/domain/text';
import type { TSignedInContext } from '../context';
import { notify } from '../notifications/notify';
import { moveRequest } from './move-request';
import { assertAllowed, loadRequest, slaOf } from './request-access';
import { requestDetail, requestTicket } from './to-request';

/** 重新打开: the requester is not satisfied, within the village's window; it goes back to its handler. */
export async function reopenRequest(ctx: TSignedInContext, id: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await loadRequest(tx, id, true);
    const sla = await slaOf(tx, r.villageId);
    assertAllowed(r, 'reopen', now, sla);
    const seq = await moveRequest(
      tx,
      r,
      { kind: 'reopened', actorId: ctx.actor.personId, state: 'accepted', note: reason, extra: { resolvedAt: null } },
      now,
      sla,
    );
    if (r.handlerId) {
      await notify(ctx, tx, [
        {
          recipientId: r.handlerId,
          template: 'request_update',
          dedupeKey: `request:${id}:${seq}:reopened`,
          payload: {
            summary: requestSummary(r.category, r.text),
            status: `村民不满意，重新打开：${clipText(reason, 8)}`,
            updatedAt: now.toISOString(),
            requestId: id,
            ticket: requestTicket(r),
          },
        },
      ]);
    }
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
