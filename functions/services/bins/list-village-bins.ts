import { listBinsOfVillage } from '../../../db/queries/bins';
import { findVillagePlace } from '../../../db/queries/org';
import { binH5Url, binScene } from '../../../shared/domain/bin-report';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** 垃圾桶 of a village for cadres: codes, cleaners, and what each sticker's QR codes carry. */
export async function listVillageBins(ctx: TSignedInContext, villageId: string) {
  const village = await findVillagePlace(ctx.db, villageId);
  if (!village) throw new AppError('NOT_FOUND');
  const items = (await listBinsOfVillage(ctx.db, villageId)).map((b) => ({
    id: b.id,
    label: b.label,
    code: b.code,
    state: b.state,
    lat: b.lat,
    lng: b.lng,
    courtyard: b.courtyardId ? { id: b.courtyardId, name: b.courtyardName ?? '' } : null,
    cleaners: b.cleaners,
    scene: binScene(b.code),
    h5Url: binH5Url(ctx.env.PUBLIC_BASE_URL, b.code),
  }));
  return { village: { id: village.id, name: village.name }, items };
}
