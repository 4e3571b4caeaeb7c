import type { Db } from '../../../db/client';
import { findBinById } from '../../../db/queries/bins';
import { listBinsOfVillage } from '../../../db/queries/bin-registry';
import type { TVillageBin } from '../../../shared/contracts/bins';
import { binH5Url, binScene } from '../../../shared/domain/bin-report';

type TVillageBinRow = Awaited<ReturnType<typeof listBinsOfVillage>>[number];

/** One bin as the cadre's list shows it: its row, and what its sticker's QR codes carry. */
export function toVillageBin(b: TVillageBinRow, baseUrl: string): TVillageBin {
  return {
    id: b.id,
    label: b.label,
    code: b.code,
    state: b.state,
    lat: b.lat,
    lng: b.lng,
    courtyard: b.courtyardId ? { id: b.courtyardId, name: b.courtyardName ?? '' } : null,
    cleaners: b.cleaners,
    scene: binScene(b.code),
    h5Url: binH5Url(baseUrl, b.code),
  };
}

/** One bin as the cadre's list shows it, read again after a write. */
export async function loadVillageBin(db: Db, binId: string, baseUrl: string): Promise<TVillageBin> {
  const bin = (await findBinById(db, binId))!;
  const b = (await listBinsOfVillage(db, bin.villageId)).find((x) => x.id === binId)!;
  return toVillageBin(b, baseUrl);
}
