import type { Db } from '../../../db/client';
import { findBinByCode, type TBinRecord } from '../../../db/queries/bins';
import { BIN_CODE_LENGTH, parseBinInput } from '../../../shared/domain/bin-report';
import { isSceneSafe } from '../../../shared/domain/scene-code';
import { AppError } from '../../../shared/errors';

/** The active bin a scanned code names; unknown, malformed and disabled all read BIN_NOT_FOUND. */
export async function findUsableBin(db: Db, raw: string): Promise<TBinRecord> {
  const code = parseBinInput(raw);
  if (code.length !== BIN_CODE_LENGTH || !isSceneSafe(code)) throw new AppError('BIN_NOT_FOUND');
  const bin = await findBinByCode(db, code);
  if (!bin || bin.state !== 'active') throw new AppError('BIN_NOT_FOUND');
  return bin;
}
