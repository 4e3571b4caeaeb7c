import { findRegistryImport, listImportRows } from '../../../db/queries/registry-import';
import type { TRegistryPreview } from '../../../shared/contracts/registry-import';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { loadVillage } from './load-village';
import { planImport, toPreview } from './plan-import';

/** 导入预览: the whole staged file against the village as it stands now. */
export async function previewRegistryImport(ctx: TServiceContext, villageId: string, importId: string): Promise<TRegistryPreview> {
  const head = await findRegistryImport(ctx.db, villageId, importId);
  if (!head) throw new AppError('REGISTRY_IMPORT_NOT_FOUND');
  if (head.state !== 'staging') throw new AppError('REGISTRY_IMPORT_DONE');
  return toPreview(planImport(await listImportRows(ctx.db, importId), await loadVillage(ctx.db, villageId)));
}
