import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { notificationDeliveries } from '../schema';
import type { TChannel, TDeliveryState } from '../../shared/domain/notifications';

/**
 * Claims one channel of one notification before its call: true when this caller may send.
 * An existing record is the channel's answer already, except a `sending` one, which a
 * dispatcher left when it died mid-call: that becomes `unknown` and is never sent again.
 */
export async function claimDelivery(
  db: Db,
  notificationId: string,
  channel: TChannel,
  at: Date,
): Promise<{ claimed: true } | { claimed: false; state: TDeliveryState }> {
  const r = await db
    .insert(notificationDeliveries)
    .values({ notificationId, channel, state: 'sending', attemptedAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ state: notificationDeliveries.state });
  if (r.length) return { claimed: true };
  const [prior] = await db
    .update(notificationDeliveries)
    .set({ state: 'unknown', updatedAt: at })
    .where(
      and(eq(notificationDeliveries.notificationId, notificationId), eq(notificationDeliveries.channel, channel), eq(notificationDeliveries.state, 'sending')),
    )
    .returning({ state: notificationDeliveries.state });
  if (prior) return { claimed: false, state: 'unknown' };
  const [row] = await db
    .select({ state: notificationDeliveries.state })
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.notificationId, notificationId), eq(notificationDeliveries.channel, channel)));
  return { claimed: false, state: row.state };
}

/** Records a claimed channel's outcome. */
export async function settleDelivery(db: Db, notificationId: string, channel: TChannel, state: TDeliveryState, detail: string | null, at: Date): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ state, detail, updatedAt: at })
    .where(
      and(eq(notificationDeliveries.notificationId, notificationId), eq(notificationDeliveries.channel, channel), eq(notificationDeliveries.state, 'sending')),
    );
}

/** Gives a claim back when the channel certainly did not take the message (a retry may send it). */
export async function releaseDelivery(db: Db, notificationId: string, channel: TChannel): Promise<void> {
  await db
    .delete(notificationDeliveries)
    .where(
      and(eq(notificationDeliveries.notificationId, notificationId), eq(notificationDeliveries.channel, channel), eq(notificationDeliveries.state, 'sending')),
    );
}

export async function listDeliveries(db: Db, notificationId: string): Promise<{ channel: TChannel; state: TDeliveryState; detail: string | null; at: Date }[]> {
  const rows = await db
    .select({
      channel: notificationDeliveries.channel,
      state: notificationDeliveries.state,
      detail: notificationDeliveries.detail,
      at: notificationDeliveries.updatedAt,
    })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId));
  return rows;
}
