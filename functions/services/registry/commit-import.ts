import { insertAudit } from '../../../db/queries/audit';
import { moveVillagerGrants } from '../../../db/queries/roles';
import { findRegistryImport, listImportRows, markImportCommitted, writeRegistry } from '../../../db/queries/registry-import';
import type { TRegistryPreview } from '../../../shared/contracts/registry-import';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { loadVillage } from './load-village';
import { planImport, toPreview } from './plan-import';

/**
 * 确认导入, all or nothing: in one transaction the file is checked again against the village as
 * it is now (someone may have edited it since the preview); any problem anywhere rejects the
 * whole file naming its first line, else the households, new people and changes are written
 * set-based with one 操作日志 line. 村民 moved to another courtyard take their villager grant along.
 */
export async function commitRegistryImport(ctx: TSignedInContext, villageId: string, importId: string): Promise<{ counts: TRegistryPreview['counts'] }> {
  return ctx.db.transaction(async (tx) => {
    const head = await findRegistryImport(tx, villageId, importId, 'update');
    if (!head) throw new AppError('REGISTRY_IMPORT_NOT_FOUND');
    if (head.state !== 'staging') throw new AppError('REGISTRY_IMPORT_DONE');
    const plan = planImport(await listImportRows(tx, importId), await loadVillage(tx, villageId));
    const first = plan.issues[0];
    if (first)
      throw new AppError('REGISTRY_IMPORT_INVALID', {
        message: `第${first.line}行${first.column ? `「${first.column}」` : ''}：${first.message}（共${plan.issues.length}处问题，整个文件未导入）`,
      });
    if (plan.rows === 0) throw new AppError('REGISTRY_IMPORT_INVALID', { message: '文件里没有数据行' });
    await writeRegistry(tx, { households: plan.households, inserts: plan.inserts, updates: plan.updates });
    // 村民 the file moved to another courtyard: their villager grant follows
    await moveVillagerGrants(
      tx,
      plan.updates.flatMap((u) => (u.id ? [u.id] : [])),
      ctx.now(),
      ctx.actor.personId,
    );
    const { counts } = toPreview(plan);
    await insertAudit(tx, {
      actorId: ctx.actor.personId,
      action: 'registry.import',
      entityType: 'import',
      entityId: importId,
      townshipId: head.townshipId,
      villageId,
      before: null,
      after: { fileName: head.fileName, rows: plan.rows, ...counts },
      summary: `导入信息采集表「${head.fileName}」：新增${counts.newHouseholds}户、新增${counts.newPeople}人、修改${counts.changedPeople}人、未变${counts.unchanged}人`,
      at: ctx.now(),
    });
    await markImportCommitted(tx, importId, ctx.now());
    return { counts };
  });
}
