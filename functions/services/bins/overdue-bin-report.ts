import type { Db } from '../../../db/client';
import { lockReport } from '../../../db/queries/bins';
import { listRoleHolders } from '../../../db/queries/roles';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';
import { ackKeys } from '../../../shared/domain/channel-policy';

/** Timer: a report still open after 4 hours is flagged to the village cadres. */
export async function flagOverdueBinReport(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await lockReport(tx, String(payload.reportId));
  if (!r || r.state !== 'open') return;
  const cadres = (await listRoleHolders(tx, 'village_cadre', { type: 'village', id: r.villageId })).map((p) => p.id);
  await notify(
    ctx,
    tx,
    cadres.map((c) => ({
      recipientId: c,
      template: 'bin_overdue' as const,
      payload: { binLabel: r.binLabel, place: '' },
      dedupeKey: `bin-report:${r.id}:overdue:${c}`,
      ackKey: ackKeys.binReport(r.id),
    })),
  );
}
