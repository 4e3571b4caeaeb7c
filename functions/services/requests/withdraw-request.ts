import { findRequest } from '../../../db/queries/requests';
import type { TSignedInContext } from '../context';
import { moveRequest } from './move-request';
import { assertAllowed, loadRequest, slaOf } from './request-access';
import { requestDetail } from './to-request';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../../db/queries/notifications';

/** 撤回: the requester takes it back before anyone accepted it. */
export async function withdrawRequest(ctx: TSignedInContext, id: string, reason?: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await loadRequest(tx, id, true);
    const sla = await slaOf(tx, r.villageId);
    assertAllowed(r, 'withdraw', now, sla);
    await acknowledgeByKey(tx, ackKeys.request(id), now);
    await moveRequest(tx, r, { kind: 'withdrawn', actorId: ctx.actor.personId, state: 'withdrawn', note: reason || null, extra: { closedAt: now } }, now, sla);
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
