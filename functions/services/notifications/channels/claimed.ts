import { claimDelivery, releaseDelivery, settleDelivery } from '../../../../db/queries/deliveries';
import type { TChannel } from '../../../../shared/domain/notifications';
import type { TWorkContext } from '../../context';
import type { TChannelNotice, TChannelOutcome } from './outcome';

/**
 * Runs one channel's call under its send record: claimed before the call, so a dispatcher that
 * dies mid-call leaves `sending`, which the next attempt turns into `unknown` and never repeats.
 * A retryable failure gives the claim back (the channel did not take the message).
 */
export async function underRecord(ctx: TWorkContext, n: TChannelNotice, channel: TChannel, send: () => Promise<TChannelOutcome>): Promise<TChannelOutcome> {
  const claim = await claimDelivery(ctx.db, n.id, channel, ctx.now());
  if (!claim.claimed) {
    if (claim.state === 'sent' || claim.state === 'unknown') return { kind: 'sent' };
    return claim.state === 'failed' ? { kind: 'failed', why: `${channel}: failed before` } : { kind: 'unavailable', why: `${channel}: ${claim.state}` };
  }
  ctx.fault?.('before-send');
  const out = await send();
  ctx.fault?.('after-send');
  if (out.kind === 'retry') await releaseDelivery(ctx.db, n.id, channel);
  else
    await settleDelivery(
      ctx.db,
      n.id,
      channel,
      out.kind === 'sent' ? 'sent' : out.kind === 'failed' ? 'failed' : 'refused',
      out.kind === 'sent' ? null : out.why,
      ctx.now(),
    );
  return out;
}
