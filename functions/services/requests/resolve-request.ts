import { findRequest } from '../../../db/queries/requests';
import { clipText } from '../../../shared/domain/text';
import type { TSignedInContext } from '../context';
import { moveRequest } from './move-request';
import { assertAllowed, assertCan, loadRequest, slaOf } from './request-access';
import { tellRequester } from './request-notices';
import { requestDetail } from './to-request';

/** 办结: the handler writes what was done (or the advice, for 私事); the requester confirms or reopens. */
export async function resolveRequest(ctx: TSignedInContext, id: string, note: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await loadRequest(tx, id, true);
    assertCan('request.handle', ctx.actor, r);
    const sla = await slaOf(tx, r.villageId);
    assertAllowed(r, 'resolve', now, sla);
    const seq = await moveRequest(
      tx,
      r,
      { kind: 'resolved', actorId: ctx.actor.personId, state: 'resolved', handlerId: r.handlerId ?? ctx.actor.personId, note, extra: { resolvedAt: now } },
      now,
      sla,
    );
    await tellRequester(ctx, tx, r, 'resolved', seq, ctx.actor.personId, `已办结，请确认：${clipText(note, 10)}`);
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
