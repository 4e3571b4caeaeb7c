import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { adminLoginTickets } from '../schema';
import type { TAdminLoginState } from '../../shared/domain/admin-login';

export type TAdminLoginTicketRow = {
  id: string;
  secretHash: string;
  state: TAdminLoginState;
  device: string;
  createdAt: Date;
  expiresAt: Date;
  scannedBy: string | null;
  scannedAt: Date | null;
  confirmedAt: Date | null;
  sessionId: string | null;
};

const columns = {
  id: adminLoginTickets.id,
  secretHash: adminLoginTickets.secretHash,
  state: adminLoginTickets.state,
  device: adminLoginTickets.device,
  createdAt: adminLoginTickets.createdAt,
  expiresAt: adminLoginTickets.expiresAt,
  scannedBy: adminLoginTickets.scannedBy,
  scannedAt: adminLoginTickets.scannedAt,
  confirmedAt: adminLoginTickets.confirmedAt,
  sessionId: adminLoginTickets.sessionId,
};

export async function insertAdminLoginTicket(db: Db, v: { id: string; secretHash: string; device: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insert(adminLoginTickets).values({ ...v, state: 'pending' });
}

/** A ticket by id, locked for the caller's transaction (scan, confirm, cancel and collect are one at a time). */
export async function lockAdminLoginTicket(db: Db, id: string): Promise<TAdminLoginTicketRow | null> {
  const [r] = await db.select(columns).from(adminLoginTickets).where(eq(adminLoginTickets.id, id)).for('update');
  return r ?? null;
}

/** Moves a ticket on, only from the state the caller read (the row is locked anyway). */
export async function updateAdminLoginTicket(
  db: Db,
  id: string,
  from: TAdminLoginState,
  set: Partial<Pick<TAdminLoginTicketRow, 'state' | 'scannedBy' | 'scannedAt' | 'confirmedAt' | 'sessionId'>>,
): Promise<boolean> {
  const rows = await db
    .update(adminLoginTickets)
    .set(set)
    .where(and(eq(adminLoginTickets.id, id), eq(adminLoginTickets.state, from)))
    .returning({ id: adminLoginTickets.id });
  return rows.length > 0;
}

/** Tickets made before `before` (housekeeping: a ticket lives two minutes; its session does not need it). */
export async function deleteAdminLoginTicketsBefore(db: Db, before: Date): Promise<number> {
  const r = await db.delete(adminLoginTickets).where(lt(adminLoginTickets.createdAt, before)).returning({ id: adminLoginTickets.id });
  return r.length;
}
