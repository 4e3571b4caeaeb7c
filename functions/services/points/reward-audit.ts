import { insertAudit } from '../../../db/queries/audit';
import { findVillagePlace } from '../../../db/queries/org';
import type { TRewardRecord } from '../../../db/queries/rewards';
import type { Db } from '../../../db/client';
import { changedFields } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import { toReward } from './to-reward';

/** A reward's editable fields as 操作日志 shows them (as the API answers them). */
function fieldsOf(r: TRewardRecord) {
  const { id: _id, villageId: _village, open: _open, ...fields } = toReward(r, new Date(0));
  return fields;
}

/** The 操作日志 line of 上架商品 (before null) or 修改商品 (the changed fields; none when nothing changed). */
export async function auditReward(tx: Db, actorId: string, at: Date, before: TRewardRecord | null, after: TRewardRecord): Promise<void> {
  const change = before ? changedFields(fieldsOf(before), fieldsOf(after)) : { before: null, after: fieldsOf(after) };
  if (!change) return;
  const village = await findVillagePlace(tx, after.villageId);
  if (!village) throw new AppError('NOT_FOUND');
  await insertAudit(tx, {
    actorId,
    action: before ? 'reward.update' : 'reward.create',
    entityType: 'reward',
    entityId: after.id,
    townshipId: village.townshipId,
    villageId: after.villageId,
    before: change.before,
    after: change.after,
    summary: `${before ? '修改' : '上架'}商品「${after.name}」`,
    at,
  });
}
