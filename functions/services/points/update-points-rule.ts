import { insertRuleChange, lockRule, upsertRule } from '../../../db/queries/points-rules';
import { POINTS_EVENTS, type TPointsEvent } from '../../../shared/domain/points-events';
import type { TSignedInContext } from '../context';

/** 修改积分规则, audited: who, when, old → new, in the same transaction as the change. */
export async function updatePointsRule(ctx: TSignedInContext, villageId: string, eventKind: TPointsEvent, points: number, dailyCap: number | null) {
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const old = await lockRule(tx, villageId, eventKind);
    await upsertRule(tx, { villageId, eventKind, points, dailyCap, updatedBy: ctx.actor.personId, updatedAt: at });
    if (old?.points !== points || (old?.dailyCap ?? null) !== dailyCap) {
      await insertRuleChange(tx, {
        villageId,
        eventKind,
        oldPoints: old?.points ?? null,
        newPoints: points,
        oldCap: old?.dailyCap ?? null,
        newCap: dailyCap,
        changedBy: ctx.actor.personId,
        changedAt: at,
      });
    }
    return { eventKind, label: POINTS_EVENTS[eventKind], points, dailyCap };
  });
}
