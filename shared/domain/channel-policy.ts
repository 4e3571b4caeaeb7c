import type { TChannel } from './notifications';
import type { TTemplate } from './notification-templates';
import type { TOaState, TReachStatus } from './staff-reach';

/**
 * 触达策略 — per kind of notification, the channels beyond the inbox (which always has it) and
 * when to try them. A step runs its channels at `afterMs` from the notification: `first` stops
 * at the first channel that delivers, `all` tries every one. A step marked `unlessAcknowledged`
 * is skipped once the recipient showed they got it (opened the task, accepted, 我去).
 */
export type TChannelStep = { afterMs: number; channels: readonly TChannel[]; mode: 'first' | 'all'; unlessAcknowledged?: true };

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Every push channel, best first: a long-term subscription spends nothing, the 公众号 neither, a one-time credit is scarce. */
const PUSH: readonly TChannel[] = ['long_term', 'oa', 'one_time'];
const pushFirst: TChannelStep = { afterMs: 0, channels: PUSH, mode: 'first' };

export const CHANNEL_POLICY: Partial<Record<TTemplate, readonly TChannelStep[]>> = {
  /** 清运任务: pushed at once; an SMS if the cleaner has not opened it in 15 minutes */
  bin_task: [pushFirst, { afterMs: 15 * MIN, channels: ['sms'], mode: 'first', unlessAcknowledged: true }],
  /** 超时未清运 (to cadres): it already waited; push and SMS at once */
  bin_overdue: [{ afterMs: 0, channels: [...PUSH, 'sms'], mode: 'all' }],
  /** 一键呼叫: every push channel at once, SMS after one minute unanswered; the escalation chain follows by its own timers */
  sos: [
    { afterMs: 0, channels: PUSH, mode: 'all' },
    { afterMs: MIN, channels: ['sms'], mode: 'first', unlessAcknowledged: true },
  ],
  /** 找院长: pushed at once; an SMS shortly before the default 24 h accept limit would escalate it */
  request_new: [pushFirst, { afterMs: 20 * HOUR, channels: ['sms'], mode: 'first', unlessAcknowledged: true }],
};

/** The steps for a kind of notification: its own, else one push on the best channel that works. */
export function channelSteps(template: TTemplate): readonly TChannelStep[] {
  return CHANNEL_POLICY[template] ?? [pushFirst];
}

/** The key that, once acted on, acknowledges every notification of one event for everyone told. */
export const ackKeys = {
  binReport: (id: string) => `bin-report:${id}`,
  sos: (id: string) => `sos:${id}`,
  request: (id: string) => `request:${id}`,
} as const;

/** What can reach one member of staff, whatever the kind of notification. */
export type TReach = {
  miniProgram: boolean;
  longTerm: readonly string[];
  credits: Readonly<Record<string, number>>;
  oa: TOaState;
  phone: boolean;
};

/**
 * 可触达: how a member of staff is reached now — by a push that needs nothing more from them
 * (a long-term subscription or the 公众号), only while one-time credits last, by SMS alone, or
 * not at all (only the in-app inbox, which nobody opens on the road).
 */
export function reachOf(r: TReach, on: { oa: boolean; sms: boolean }): TReachStatus {
  if ((r.miniProgram && r.longTerm.length > 0) || (on.oa && r.oa === 'following')) return 'push';
  if (r.miniProgram && Object.values(r.credits).some((n) => n > 0)) return 'credits';
  if (on.sms && r.phone) return 'sms';
  return 'inbox_only';
}
