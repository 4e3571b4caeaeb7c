import { insertAudit } from '../../../db/queries/audit';
import { upsertHousehold } from '../../../db/queries/org';
import { moveVillagerGrants } from '../../../db/queries/roles';
import { findCourtyardOfVillage, findRegistryPerson, updatePersonRegistry, type TPersonRegistryPatch } from '../../../db/queries/registry';
import type { TRegistryPerson } from '../../../shared/contracts/registry';
import { can } from '../../../shared/domain/permissions';
import { REGISTRY_FLAG_LABELS, REGISTRY_FLAGS, type TRegistryFlag } from '../../../shared/domain/registry-sheet';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toRegistryPerson } from './to-registry-person';

export type TRegistryPersonInput = Partial<
  { name: string; relation: string | null; phone: string | null; household: { courtyardId: string; label: string } } & Record<TRegistryFlag, boolean>
>;

const LABELS: Record<string, string> = { name: '姓名', relation: '与户主关系', phone: '手机号', household: '所在户', ...REGISTRY_FLAG_LABELS };

/**
 * 修改人员信息: the fields that changed, and a move to another household of the same village
 * (院落 + 户号, created when new), in one transaction with its 操作日志 line (changed fields only).
 * A 村民 moved to another courtyard has their villager grant moved with them.
 */
export async function updateRegistryPerson(ctx: TSignedInContext, personId: string, input: TRegistryPersonInput): Promise<TRegistryPerson> {
  return ctx.db.transaction(async (tx) => {
    const cur = await findRegistryPerson(tx, personId, true);
    if (!cur) throw new AppError('NOT_FOUND');
    const patch: TPersonRegistryPatch = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const change = <K extends keyof TPersonRegistryPatch>(k: K, was: TPersonRegistryPatch[K], now: TPersonRegistryPatch[K] | undefined) => {
      if (now === undefined || now === was) return;
      patch[k] = now;
      before[k] = was;
      after[k] = now;
    };
    change('name', cur.name, input.name);
    change('relation', cur.relation, input.relation === '' ? null : input.relation);
    change('phone', cur.phone, input.phone);
    for (const k of REGISTRY_FLAGS) change(k, cur[k], input[k]);

    const to = input.household;
    if (to && (to.courtyardId !== cur.courtyardId || to.label !== cur.householdLabel)) {
      const courtyard = await findCourtyardOfVillage(tx, cur.villageId, to.courtyardId);
      if (!courtyard) throw new AppError('REGISTRY_COURTYARD_OUTSIDE');
      const place = { townshipId: cur.townshipId, villageId: cur.villageId, courtyardId: courtyard.id };
      if (!can('registry.edit', ctx.actor, { kind: 'courtyard', place })) throw new AppError('FORBIDDEN');
      patch.householdId = await upsertHousehold(tx, courtyard.id, to.label);
      before.household = { id: cur.householdId, courtyard: cur.courtyardName, label: cur.householdLabel };
      after.household = { id: patch.householdId, courtyard: courtyard.name, label: to.label };
    }

    const changed = Object.keys(after);
    if (!changed.length) return toRegistryPerson(cur);
    await updatePersonRegistry(tx, personId, patch);
    // a 村民 moved to another courtyard belongs to it now: 找院长, boards and access follow
    if (patch.householdId) await moveVillagerGrants(tx, [personId], ctx.now(), ctx.actor.personId);
    await insertAudit(tx, {
      actorId: ctx.actor.personId,
      action: 'person.update',
      entityType: 'person',
      entityId: personId,
      townshipId: cur.townshipId,
      villageId: cur.villageId,
      before,
      after,
      summary: `修改 ${cur.name}：${changed.map((k) => LABELS[k]).join('、')}`,
      at: ctx.now(),
    });
    const now = await findRegistryPerson(tx, personId);
    return toRegistryPerson(now!);
  });
}
