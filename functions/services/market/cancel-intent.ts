import { findIntent, lockIntent, updateIntent } from '../../../db/queries/market';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toIntent } from './market-access';

/** 撤回 by the buyer, while the seller has not decided. */
export async function cancelIntent(ctx: TSignedInContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const i = await lockIntent(tx, id);
    if (!i) throw new AppError('NOT_FOUND');
    if (i.state !== 'pending') throw new AppError('ALREADY_DECIDED');
    await updateIntent(tx, id, { state: 'cancelled', decidedAt: ctx.now() });
    return toIntent((await findIntent(tx, id))!, ctx.actor.personId);
  });
}
