import { randomBytes } from 'node:crypto';
import { insertBin, labelTaken, setBinCleaners } from '../../../db/queries/bin-registry';
import { BIN_CODE_LENGTH } from '../../../shared/domain/bin-report';
import { makeSceneCode } from '../../../shared/domain/scene-code';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { checkBinLinks } from './check-bin-links';
import { loadVillageBin } from './to-village-bin';

export type TNewBin = { label: string; lat: number; lng: number; courtyardId?: string | null; cleanerIds: string[] };

/** 新增垃圾桶 with a fresh unguessable code (scope checked by the route). */
export async function createBin(ctx: TSignedInContext, villageId: string, input: TNewBin) {
  return ctx.db.transaction(async (tx) => {
    await checkBinLinks(tx, villageId, input);
    if (await labelTaken(tx, villageId, input.label)) throw new AppError('BIN_LABEL_TAKEN');
    let id: string | null = null;
    for (let i = 0; !id && i < 5; i++) {
      id = await insertBin(tx, {
        villageId,
        courtyardId: input.courtyardId ?? null,
        label: input.label,
        code: makeSceneCode(BIN_CODE_LENGTH, (n) => randomBytes(n)),
        lat: input.lat,
        lng: input.lng,
      });
    }
    if (!id) throw new AppError('BIN_LABEL_TAKEN');
    await setBinCleaners(tx, id, input.cleanerIds);
    return loadVillageBin(tx, id, ctx.env.PUBLIC_BASE_URL);
  });
}
