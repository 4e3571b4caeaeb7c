import { lockDeletionRequest } from '../../../db/queries/privacy';
import type { TDeletionRequest } from '../../../shared/contracts/privacy';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { anonymise, toDeletionRequest } from './anonymise';

/**
 * 确认注销 by a cadre of the village the request was made in: the person is anonymised; their
 * ledger rows, requests and totals stay with the anonymised person, so the books still add up.
 */
export async function confirmDeletion(ctx: TSignedInContext, villageId: string, id: string): Promise<TDeletionRequest> {
  return ctx.db.transaction(async (tx) => {
    const r = await lockDeletionRequest(tx, id);
    if (!r || r.villageId !== villageId) throw new AppError('NOT_FOUND');
    if (r.state !== 'pending') throw new AppError('ALREADY_DECIDED');
    return toDeletionRequest(await anonymise(tx, r, ctx.actor.personId, ctx.now()));
  });
}
