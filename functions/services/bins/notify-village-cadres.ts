import type { Db } from '../../../db/client';
import { listRoleHolders } from '../../../db/queries/roles';
import type { TServiceContext } from '../context';
import { notify, type TNotice } from '../notifications/notify';

/** Tells each 村干部 of the village, one notice each: `noticeFor` builds the cadre's own (its dedupe key names the cadre). */
export async function notifyVillageCadres(
  ctx: TServiceContext,
  tx: Db,
  villageId: string,
  noticeFor: (cadreId: string) => Omit<TNotice, 'recipientId'>,
): Promise<void> {
  const cadres = await listRoleHolders(tx, 'village_cadre', { type: 'village', id: villageId });
  await notify(
    ctx,
    tx,
    cadres.map((c) => ({ recipientId: c.id, ...noticeFor(c.id) })),
  );
}
