import { insertRegistryImport } from '../../../db/queries/registry-import';
import { findVillagePlace } from '../../../db/queries/org';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** 开始导入: an empty staged import for the village; rows follow in chunks. */
export async function startRegistryImport(ctx: TSignedInContext, villageId: string, fileName: string): Promise<{ id: string }> {
  const village = await findVillagePlace(ctx.db, villageId);
  if (!village) throw new AppError('NOT_FOUND');
  const id = await insertRegistryImport(ctx.db, { villageId, townshipId: village.townshipId, createdBy: ctx.actor.personId, fileName });
  return { id };
}
