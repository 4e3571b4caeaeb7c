import { updateAdminLoginTicket } from '../../../db/queries/admin-login';
import type { TAdminLoginScan } from '../../../shared/contracts/admin-login';
import type { TSignedInContext } from '../context';
import { assertMine, lockTicket, toScan } from './ticket';

/**
 * 确认登录: the person on the phone lets that browser in as themself. The session itself is
 * started by the browser's next poll (collect-ticket.ts), so its token is never stored; a
 * confirmation the browser does not collect within a minute lapses.
 */
export async function confirmAdminLoginTicket(ctx: TSignedInContext, ticketId: string): Promise<TAdminLoginScan> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const { row, state } = await lockTicket(tx, ticketId, now);
    assertMine(row, state, ctx.actor.personId);
    if (state === 'confirmed') return toScan(row, state);
    await updateAdminLoginTicket(tx, row.id, state, {
      state: 'confirmed',
      scannedBy: ctx.actor.personId,
      scannedAt: row.scannedAt ?? now,
      confirmedAt: now,
    });
    return toScan(row, 'confirmed');
  });
}
