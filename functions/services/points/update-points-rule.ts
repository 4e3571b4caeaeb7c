import { insertAudit } from '../../../db/queries/audit';
import { findVillagePlace } from '../../../db/queries/org';
import { insertRuleChange, lockRule, upsertRule } from '../../../db/queries/points-rules';
import { changedFields } from '../../../shared/domain/audit';
import { POINTS_EVENTS, type TPointsEvent } from '../../../shared/domain/points-events';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/**
 * 修改积分规则, audited: who, when, old → new, in the same transaction as the change — in the
 * rule's own history (积分规则 page) and in 操作日志.
 */
export async function updatePointsRule(ctx: TSignedInContext, villageId: string, eventKind: TPointsEvent, points: number, dailyCap: number | null) {
  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const village = await findVillagePlace(tx, villageId);
    if (!village) throw new AppError('NOT_FOUND');
    const old = await lockRule(tx, villageId, eventKind);
    await upsertRule(tx, { villageId, eventKind, points, dailyCap, updatedBy: ctx.actor.personId, updatedAt: at });
    // a kind the village never set counts 0 points without a cap (list-points-rules)
    const change = changedFields({ points: old?.points ?? 0, dailyCap: old?.dailyCap ?? null }, { points, dailyCap });
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
    if (change) {
      await insertAudit(tx, {
        actorId: ctx.actor.personId,
        action: 'points_rule.update',
        entityType: 'points_rule',
        entityId: eventKind,
        townshipId: village.townshipId,
        villageId,
        before: change.before,
        after: change.after,
        summary: `修改积分规则「${POINTS_EVENTS[eventKind]}」`,
        at,
      });
    }
    return { eventKind, label: POINTS_EVENTS[eventKind], points, dailyCap };
  });
}
