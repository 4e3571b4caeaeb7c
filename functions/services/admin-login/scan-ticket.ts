import { updateAdminLoginTicket } from '../../../db/queries/admin-login';
import type { TAdminLoginScan } from '../../../shared/contracts/admin-login';
import type { TSignedInContext } from '../context';
import { assertMine, lockTicket, toScan } from './ticket';

/** 扫码: the phone read the QR; the browser now shows 「已扫码，请在手机上确认」. Scanning again is harmless. */
export async function scanAdminLoginTicket(ctx: TSignedInContext, ticketId: string): Promise<TAdminLoginScan> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const { row, state } = await lockTicket(tx, ticketId, now);
    assertMine(row, state, ctx.actor.personId);
    if (state !== 'pending') return toScan(row, state);
    await updateAdminLoginTicket(tx, row.id, 'pending', { state: 'scanned', scannedBy: ctx.actor.personId, scannedAt: now });
    return toScan(row, 'scanned');
  });
}
