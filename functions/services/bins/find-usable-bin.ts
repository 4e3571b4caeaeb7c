import type { Db } from '../../../db/client';
import { findBinByCode, findScanTarget, type TBinRecord, type TScanTarget } from '../../../db/queries/bins';
import { BIN_CODE_LENGTH, parseBinInput } from '../../../shared/domain/bin-report';
import { isSceneSafe } from '../../../shared/domain/scene-code';
import { AppError } from '../../../shared/errors';

/** The code a scanned input names, or BIN_NOT_FOUND when it cannot be one. */
function binCodeOf(raw: string): string {
  const code = parseBinInput(raw);
  if (code.length !== BIN_CODE_LENGTH || !isSceneSafe(code)) throw new AppError('BIN_NOT_FOUND');
  return code;
}

/** The active bin a scanned code names; unknown, malformed and disabled all read BIN_NOT_FOUND. */
export async function findUsableBin(db: Db, raw: string): Promise<TBinRecord> {
  const bin = await findBinByCode(db, binCodeOf(raw));
  if (!bin || bin.state !== 'active') throw new AppError('BIN_NOT_FOUND');
  return bin;
}

/** As findUsableBin, with what a scan by `personId` needs: their scan figures since `since` and the bin's cleaners. */
export async function findUsableScanTarget(db: Db, raw: string, personId: string, since: Date): Promise<TScanTarget> {
  const bin = await findScanTarget(db, binCodeOf(raw), personId, since);
  if (!bin || bin.state !== 'active') throw new AppError('BIN_NOT_FOUND');
  return bin;
}
