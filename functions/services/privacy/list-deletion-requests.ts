import { listPendingDeletions } from '../../../db/queries/privacy';
import type { TPendingDeletion } from '../../../shared/contracts/privacy';
import type { TSignedInContext } from '../context';

/** 注销申请 waiting for the village's cadres, oldest first. */
export async function listDeletionRequests(ctx: TSignedInContext, villageId: string): Promise<{ items: TPendingDeletion[] }> {
  const rows = await listPendingDeletions(ctx.db, villageId);
  return { items: rows.map((r) => ({ id: r.id, name: r.nameAtRequest, requestedAt: r.requestedAt.toISOString() })) };
}
