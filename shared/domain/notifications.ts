/**
 * 通知 outbox states. A notification is pending until the dispatcher claims it (processing),
 * then done, or failed after its last attempt (a cadre may send it again).
 */
export const NOTIFICATION_STATES = ['pending', 'processing', 'done', 'failed'] as const;
export type TNotificationState = (typeof NOTIFICATION_STATES)[number];

/**
 * The WeChat subscribe-message side of a notification: null (not tried) → sending → sent, or
 * why not: no credit, no openid (no_channel), refused by WeChat, failed, or unknown (the send
 * may or may not have reached WeChat, so it is never repeated).
 */
export const PUSH_STATES = ['sending', 'sent', 'no_credit', 'no_channel', 'refused', 'failed', 'unknown'] as const;
export type TPushState = (typeof PUSH_STATES)[number];

/**
 * 触达渠道 — the ways beyond the in-app inbox to reach a person: a mini-program subscribe message
 * (long-term for 政务民生 templates configured so, else one credit per 「允许」), a 公众号
 * template message, and SMS for what must not wait.
 */
export const CHANNELS = ['long_term', 'oa', 'one_time', 'sms'] as const;
export type TChannel = (typeof CHANNELS)[number];

/** A channel's own send record: claimed as `sending` before the call, so a crash never sends twice. */
export const DELIVERY_STATES = ['sending', 'sent', 'refused', 'failed', 'unknown', 'skipped'] as const;
export type TDeliveryState = (typeof DELIVERY_STATES)[number];
