import { randomBytes } from 'node:crypto';
import { insertBin, labelTaken, setBinCleaners } from '../../../db/queries/bin-registry';
import { listRoleHolders } from '../../../db/queries/roles';
import { parseBinCsv } from '../../../shared/domain/bin-csv';
import { BIN_CODE_LENGTH } from '../../../shared/domain/bin-report';
import { makeSceneCode } from '../../../shared/domain/scene-code';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** CSV 导入: every line checked first (format, duplicate labels, unknown cleaners); then all go in, in one transaction. */
export async function importBins(ctx: TSignedInContext, villageId: string, csv: string) {
  return ctx.db.transaction(async (tx) => {
    const { rows, errors } = parseBinCsv(csv);
    const cleaners = await listRoleHolders(tx, 'cleaner', { type: 'village', id: villageId });
    const cleanerOf = (key: string) => cleaners.find((c) => c.name === key || c.phone === key);
    for (const r of rows) {
      if (r.cleaner && !cleanerOf(r.cleaner)) errors.push({ line: r.line, message: `本村没有保洁员「${r.cleaner}」` });
      else if (await labelTaken(tx, villageId, r.label)) errors.push({ line: r.line, message: `编号「${r.label}」已存在` });
    }
    if (errors.length) {
      errors.sort((a, b) => a.line - b.line);
      throw new AppError('VALIDATION_FAILED', { issues: errors.map((e) => ({ path: `csv.line${e.line}`, message: `第${e.line}行：${e.message}` })) });
    }
    for (const r of rows) {
      const id = await insertBin(tx, {
        villageId,
        courtyardId: null,
        label: r.label,
        code: makeSceneCode(BIN_CODE_LENGTH, (n) => randomBytes(n)),
        lat: r.lat,
        lng: r.lng,
      });
      if (!id) throw new AppError('BIN_LABEL_TAKEN');
      if (r.cleaner) await setBinCleaners(tx, id, [cleanerOf(r.cleaner)!.id]);
    }
    return { created: rows.length };
  });
}
