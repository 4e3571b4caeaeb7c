import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { ticketCounters } from '../schema';
import type { TTicketKind } from '../../shared/domain/ticket-number';

/**
 * The next 工单号 sequence number of a township, kind and year: one statement that creates the
 * counter at 1 or adds one to it, returning the new value. Its row lock is held to the end of
 * the caller's transaction, so a concurrent create waits and takes the number after; a rollback
 * gives the number back. Call it in the transaction that writes the numbered row.
 */
export async function takeTicketSeq(db: Db, townshipId: string, kind: TTicketKind, year: number): Promise<number> {
  const [r] = await db
    .insert(ticketCounters)
    .values({ townshipId, kind, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [ticketCounters.townshipId, ticketCounters.kind, ticketCounters.year],
      set: { lastSeq: sql`${ticketCounters.lastSeq} + 1` },
    })
    .returning({ seq: ticketCounters.lastSeq });
  return r.seq;
}
