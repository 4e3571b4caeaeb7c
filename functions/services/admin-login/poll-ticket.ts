import { timingSafeEqual } from 'node:crypto';
import { updateAdminLoginTicket } from '../../../db/queries/admin-login';
import { findPerson } from '../../../db/queries/people';
import { AppError } from '../../../shared/errors';
import { hashSessionToken } from '../auth/session-token';
import { startSession } from '../auth/start-session';
import type { TServiceContext } from '../context';
import { lockTicket } from './ticket';

/**
 * The browser's poll (every 1.5 s, with the secret only it holds). The one poll that finds the
 * ticket confirmed starts the session — for the person who confirmed, method 'qr', labelled
 * with this browser — and consumes the ticket in the same transaction, so the token is
 * answered exactly once and never stored.
 */
export async function pollAdminLoginTicket(ctx: TServiceContext, ticketId: string, secret: string) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const { row, state } = await lockTicket(tx, ticketId, now);
    if (!sameHash(row.secretHash, hashSessionToken(secret))) throw new AppError('ADMIN_LOGIN_NOT_FOUND');
    const expiresAt = row.expiresAt.toISOString();
    if (state !== 'confirmed') return { state, expiresAt, session: null };
    const person = row.scannedBy ? await findPerson(tx, row.scannedBy) : null;
    if (!person) throw new AppError('ADMIN_LOGIN_NOT_FOUND');
    const { sessionId, ...session } = await startSession(tx, person, { method: 'qr', now, ttlDays: ctx.env.SESSION_TTL_DAYS, device: row.device });
    await updateAdminLoginTicket(tx, row.id, 'confirmed', { state: 'consumed', sessionId });
    return { state, expiresAt, session };
  });
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
