import type { Db } from '../../../db/client';
import { lockReport } from '../../../db/queries/bins';
import type { TServiceContext } from '../context';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { notifyVillageCadres } from './notify-village-cadres';

/** Timer: a report still open after 4 hours is flagged to the village cadres. */
export async function flagOverdueBinReport(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await lockReport(tx, String(payload.reportId));
  if (!r || r.state !== 'open') return;
  await notifyVillageCadres(ctx, tx, r.villageId, (c) => ({
    template: 'bin_overdue',
    payload: { binLabel: r.binLabel, place: '' },
    dedupeKey: `bin-report:${r.id}:overdue:${c}`,
    ackKey: ackKeys.binReport(r.id),
  }));
}
