import type { TClaimedNotification } from '../../../../db/queries/notifications';
import type { TTemplate } from '../../../../shared/domain/notification-templates';
import type { TWorkContext } from '../../context';

/**
 * What one channel did with one notification: `sent` (or maybe sent: a crash mid-call counts,
 * so nothing repeats it), `unavailable` (no link, subscription, credit, phone or configuration:
 * try the next channel), `retry` (the channel did not take it, try again later), `failed`
 * (it refused for good; the reason is shown to cadres).
 */
export type TChannelOutcome = { kind: 'sent' } | { kind: 'unavailable'; why: string } | { kind: 'retry'; why: string } | { kind: 'failed'; why: string };

export type TChannelNotice = TClaimedNotification & { template: TTemplate };

export type TChannelSend = (ctx: TWorkContext, n: TChannelNotice) => Promise<TChannelOutcome>;
