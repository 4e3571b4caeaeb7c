import { labelTaken, setBinCleaners, updateBinRow } from '../../../db/queries/bin-registry';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { checkBinLinks } from './check-bin-links';
import { loadVillageBin } from './to-village-bin';
import { findBinByCode } from '../../../db/queries/bins';
import { parseBinInput } from '../../../shared/domain/bin-report';
import type { TBinState } from '../../../shared/domain/bin-report';

export type TBinChange = { label?: string; lat?: number; lng?: number; courtyardId?: string | null; state?: TBinState; cleanerIds?: string[] };

/** 移动、停用、改派 (scope checked by the route). A disabled bin's code answers BIN_NOT_FOUND to scans. */
export async function updateBin(ctx: TSignedInContext, code: string, change: TBinChange) {
  return ctx.db.transaction(async (tx) => {
    const bin = await findBinByCode(tx, parseBinInput(code));
    if (!bin) throw new AppError('BIN_NOT_FOUND');
    await checkBinLinks(tx, bin.villageId, change);
    if (change.label && (await labelTaken(tx, bin.villageId, change.label, bin.id))) throw new AppError('BIN_LABEL_TAKEN');
    const { cleanerIds, ...set } = change;
    await updateBinRow(tx, bin.id, set);
    if (cleanerIds) await setBinCleaners(tx, bin.id, cleanerIds);
    return loadVillageBin(tx, bin.id, ctx.env.PUBLIC_BASE_URL);
  });
}
