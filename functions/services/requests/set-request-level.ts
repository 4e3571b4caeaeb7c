import { findRequest } from '../../../db/queries/requests';
import { levelChange, REQUEST_LEVELS, tierOf, type TRequestLevel } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { moveRequest } from './move-request';
import { assertAllowed, assertCan, loadRequest, slaOf } from './request-access';
import { tellRequester, tellTier } from './request-notices';
import { requestDetail } from './to-request';

/**
 * 定性: 私事/小事/大事/难事. Moving to a level another tier owns is an escalation (吹哨到村,
 * 报到镇街) or a de-escalation: the new tier has to accept it and is told; the timeline
 * records who moved it and why.
 */
export async function setRequestLevel(ctx: TSignedInContext, id: string, level: TRequestLevel, note?: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await loadRequest(tx, id, true);
    assertCan('request.handle', ctx.actor, r);
    const sla = await slaOf(tx, r.villageId);
    assertAllowed(r, 'set_level', now, sla);
    if (level === r.level) throw new AppError('REQUEST_SAME_LEVEL');
    const change = levelChange(r, level);
    const seq = await moveRequest(
      tx,
      r,
      { kind: change.kind, actorId: ctx.actor.personId, state: change.state, level, handlerId: change.tierChanged ? null : r.handlerId, note: note || null },
      now,
      sla,
    );
    if (change.tierChanged) {
      await tellTier(ctx, tx, r, tierOf(level), seq, note || `定性为${REQUEST_LEVELS[level]}`, ctx.actor.personId);
      await tellRequester(ctx, tx, r, change.state, seq, ctx.actor.personId);
    }
    return requestDetail(tx, (await findRequest(tx, id))!, ctx.actor, now, sla);
  });
}
