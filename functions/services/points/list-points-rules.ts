import { listPeopleNames } from '../../../db/queries/people';
import { findRedemptionExpiryDays, listRuleChanges, listRules } from '../../../db/queries/points-rules';
import { POINTS_EVENT_KINDS, POINTS_EVENTS } from '../../../shared/domain/points-events';
import type { TSignedInContext } from '../context';

/** 积分规则: every known event kind (0 when the village set none) and the change history. */
export async function listPointsRules(ctx: TSignedInContext, villageId: string) {
  const set = new Map((await listRules(ctx.db, villageId)).map((r) => [r.eventKind, r]));
  const changes = await listRuleChanges(ctx.db, villageId);
  const names = await listPeopleNames(ctx.db, [...new Set(changes.map((c) => c.changedBy))]);
  return {
    rules: POINTS_EVENT_KINDS.map((k) => ({ eventKind: k, label: POINTS_EVENTS[k], points: set.get(k)?.points ?? 0, dailyCap: set.get(k)?.dailyCap ?? null })),
    changes: changes.map((c) => ({
      eventKind: c.eventKind,
      oldPoints: c.oldPoints,
      newPoints: c.newPoints,
      oldCap: c.oldCap,
      newCap: c.newCap,
      changedBy: { id: c.changedBy, name: names.get(c.changedBy) ?? '' },
      changedAt: c.changedAt.toISOString(),
    })),
    redemptionExpiryDays: await findRedemptionExpiryDays(ctx.db, villageId),
  };
}
