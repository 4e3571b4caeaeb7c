import { findRequest } from '../../../db/queries/requests';
import type { TSignedInContext } from '../context';
import { moveRequest } from './move-request';
import { assertAllowed, assertCan, loadRequest, slaOf } from './request-access';
import { tellRequester } from './request-notices';
import { requestDetail } from './to-request';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../../db/queries/notifications';

/** 受理: someone of the owning tier takes the request; the resolve timer starts. */
export async function acceptRequest(ctx: TSignedInContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await loadRequest(tx, id, true);
    assertCan('request.handle', ctx.actor, r);
    const sla = await slaOf(tx, r.villageId);
    assertAllowed(r, 'accept', now, sla);
    const seq = await moveRequest(
      tx,
      r,
      { kind: 'accepted', actorId: ctx.actor.personId, state: 'accepted', handlerId: ctx.actor.personId, extra: r.acceptedAt ? {} : { acceptedAt: now } },
      now,
      sla,
    );
    await tellRequester(ctx, tx, r, 'accepted', seq, ctx.actor.personId);
    await acknowledgeByKey(tx, ackKeys.request(id), now); // taken up: the other heads need no SMS
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
