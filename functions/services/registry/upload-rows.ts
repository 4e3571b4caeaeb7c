import { countImportRows, findRegistryImport, upsertImportRows } from '../../../db/queries/registry-import';
import { REGISTRY_IMPORT_MAX_ROWS } from '../../../shared/contracts/registry-import';
import type { TSheetIssue } from '../../../shared/domain/registry-sheet';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { loadVillage } from './load-village';
import { planImport } from './plan-import';

/** One chunk of the file: staged, and answered with its rows' problems (the preview checks the whole file again). */
export async function uploadRegistryRows(
  ctx: TSignedInContext,
  villageId: string,
  importId: string,
  rows: { line: number; cells: string[] }[],
): Promise<{ received: number; issues: TSheetIssue[] }> {
  return ctx.db.transaction(async (tx) => {
    const head = await findRegistryImport(tx, villageId, importId, 'share');
    if (!head) throw new AppError('REGISTRY_IMPORT_NOT_FOUND');
    if (head.state !== 'staging') throw new AppError('REGISTRY_IMPORT_DONE');
    await upsertImportRows(tx, importId, rows);
    if ((await countImportRows(tx, importId)) > REGISTRY_IMPORT_MAX_ROWS) throw new AppError('REGISTRY_IMPORT_TOO_BIG');
    // the chunk alone, against the people it names: the preview checks the whole file
    const ids = rows.map((r) => r.cells[0].trim().toLowerCase()).filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const plan = planImport(rows, await loadVillage(tx, villageId, ids));
    return { received: rows.length, issues: plan.issues };
  });
}
