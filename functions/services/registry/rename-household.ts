import { insertAudit } from '../../../db/queries/audit';
import { findHouseholdPlace, householdLabelTaken, setHouseholdLabel } from '../../../db/queries/registry';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** 修改户号: unique within the courtyard; one transaction with its 操作日志 line. */
export async function renameHousehold(ctx: TSignedInContext, householdId: string, label: string) {
  return ctx.db.transaction(async (tx) => {
    const h = await findHouseholdPlace(tx, householdId);
    if (!h) throw new AppError('NOT_FOUND');
    if (h.label !== label) {
      if (await householdLabelTaken(tx, h.courtyardId, label, h.id)) throw new AppError('HOUSEHOLD_LABEL_TAKEN');
      await setHouseholdLabel(tx, h.id, label);
      await insertAudit(tx, {
        actorId: ctx.actor.personId,
        action: 'household.rename',
        entityType: 'household',
        entityId: h.id,
        townshipId: h.townshipId,
        villageId: h.villageId,
        before: { label: h.label },
        after: { label },
        summary: `修改户号：${h.courtyardName} ${h.label} → ${label}`,
        at: ctx.now(),
      });
    }
    return { id: h.id, label, courtyardId: h.courtyardId };
  });
}
