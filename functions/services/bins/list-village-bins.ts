import { listBinsOfVillage } from '../../../db/queries/bin-registry';
import { findVillagePlace } from '../../../db/queries/org';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toVillageBin } from './to-village-bin';

/** 垃圾桶 of a village for cadres: codes, cleaners, and what each sticker's QR codes carry. */
export async function listVillageBins(ctx: TSignedInContext, villageId: string) {
  const village = await findVillagePlace(ctx.db, villageId);
  if (!village) throw new AppError('NOT_FOUND');
  const items = (await listBinsOfVillage(ctx.db, villageId)).map((b) => toVillageBin(b, ctx.env.PUBLIC_BASE_URL));
  return { village: { id: village.id, name: village.name }, items };
}
