import type { Db } from '../../../db/client';
import { courtyardInVillage } from '../../../db/queries/bin-registry';
import { listRoleHolders } from '../../../db/queries/roles';
import { AppError } from '../../../shared/errors';

/** Cleaners and courtyard given for a bin must belong to its village. */
export async function checkBinLinks(db: Db, villageId: string, links: { courtyardId?: string | null; cleanerIds?: string[] }): Promise<void> {
  if (links.courtyardId && !(await courtyardInVillage(db, links.courtyardId, villageId))) throw new AppError('NOT_IN_THIS_VILLAGE');
  if (links.cleanerIds?.length) {
    const ok = new Set((await listRoleHolders(db, 'cleaner', { type: 'village', id: villageId })).map((c) => c.id));
    if (links.cleanerIds.some((id) => !ok.has(id))) throw new AppError('NOT_IN_THIS_VILLAGE');
  }
}
