import type { Db } from '../../../db/client';
import { findRedemption } from '../../../db/queries/rewards';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';
import { closeRedemption } from './close-redemption';

/** Timer: an unclaimed redemption expires; points and stock return (once). */
export async function expireRedemption(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await findRedemption(tx, String(payload.redemptionId));
  if (!r || r.state !== 'reserved') return;
  await closeRedemption(ctx, tx, r.id, 'expired', null);
}

/** Timer: remind the villager a day before their redemption expires. */
export async function remindRedemption(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await findRedemption(tx, String(payload.redemptionId));
  if (!r || r.state !== 'reserved') return;
  const d = new Date(r.expiresAt.getTime() + 8 * 3600e3);
  await notify(ctx, tx, [
    {
      recipientId: r.personId,
      template: 'redemption_expiring',
      payload: { rewardName: r.rewardName, pickupCode: r.pickupCode, expiresOn: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日` },
      dedupeKey: `redemption:${r.id}:expiring`,
    },
  ]);
}
