import { updateAdminLoginTicket } from '../../../db/queries/admin-login';
import type { TAdminLoginScan } from '../../../shared/contracts/admin-login';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { assertMine, lockTicket, toScan } from './ticket';

/** 取消: the phone turns the sign-in down; the browser shows it and offers a new QR. */
export async function cancelAdminLoginTicket(ctx: TSignedInContext, ticketId: string): Promise<TAdminLoginScan> {
  return ctx.db.transaction(async (tx) => {
    const { row, state } = await lockTicket(tx, ticketId, ctx.now());
    if (state === 'cancelled' && row.scannedBy === ctx.actor.personId) return toScan(row, state);
    assertMine(row, state, ctx.actor.personId);
    // a confirmation the browser already collected is a session now: 登录设备 ends it
    if (state === 'consumed') throw new AppError('ADMIN_LOGIN_DONE');
    await updateAdminLoginTicket(tx, row.id, state, { state: 'cancelled', scannedBy: ctx.actor.personId, scannedAt: row.scannedAt ?? ctx.now() });
    return toScan(row, 'cancelled');
  });
}
