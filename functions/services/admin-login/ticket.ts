import { lockAdminLoginTicket, type TAdminLoginTicketRow } from '../../../db/queries/admin-login';
import type { Db } from '../../../db/client';
import type { TAdminLoginScan } from '../../../shared/contracts/admin-login';
import { adminLoginState, type TAdminLoginState } from '../../../shared/domain/admin-login';
import { AppError } from '../../../shared/errors';

/** A ticket locked in the caller's transaction, with its state at `now` (expiry applied), or ADMIN_LOGIN_NOT_FOUND. */
export async function lockTicket(db: Db, id: string, now: Date): Promise<{ row: TAdminLoginTicketRow; state: TAdminLoginState }> {
  const row = await lockAdminLoginTicket(db, id);
  if (!row) throw new AppError('ADMIN_LOGIN_NOT_FOUND');
  return { row, state: adminLoginState(row, now) };
}

/** What the phone shows of a ticket: the browser asking, when, until when. */
export function toScan(row: TAdminLoginTicketRow, state: TAdminLoginState): TAdminLoginScan {
  return { ticketId: row.id, state, device: row.device, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

/**
 * The phone's steps need the ticket still waiting (not expired, used or cancelled) and, once
 * scanned, scanned by this person.
 */
export function assertMine(row: TAdminLoginTicketRow, state: TAdminLoginState, personId: string): void {
  if (state === 'expired') throw new AppError('ADMIN_LOGIN_EXPIRED');
  if (row.scannedBy && row.scannedBy !== personId) throw new AppError('ADMIN_LOGIN_TAKEN');
  if (state === 'consumed' || state === 'cancelled') throw new AppError('ADMIN_LOGIN_DONE');
}
