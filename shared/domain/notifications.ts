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
