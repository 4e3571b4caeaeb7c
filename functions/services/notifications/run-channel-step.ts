import { channelSteps } from '../../../shared/domain/channel-policy';
import type { TChannel } from '../../../shared/domain/notifications';
import { oaEnabled, smsEnabled, type TEnv } from '../../runtime/env';
import type { TWorkContext } from '../context';
import { sendLongTerm } from './channels/long-term';
import { sendOa } from './channels/oa';
import { sendOneTime } from './channels/one-time';
import { sendBySms } from './channels/sms';
import type { TChannelNotice, TChannelOutcome, TChannelSend } from './channels/outcome';

const SEND: Record<TChannel, TChannelSend> = {
  long_term: sendLongTerm,
  oa: sendOa,
  one_time: sendOneTime,
  sms: sendBySms,
};

/** What a step came to: delivered somewhere (or nothing could), try again later, or refused for good. */
export type TStepResult = { kind: 'done'; sent: boolean } | { kind: 'retry'; why: string } | { kind: 'failed'; why: string };

/**
 * Runs the notification's current channel step (shared/domain/channel-policy.ts): `first`
 * stops at the first channel that delivers, `all` tries each; a step kept for the
 * unacknowledged is skipped once the recipient acknowledged. Each channel keeps its own send
 * record, so a step run again after a crash or a retry never sends a channel twice.
 */
export async function runChannelStep(ctx: TWorkContext, n: TChannelNotice): Promise<TStepResult> {
  const step = channelSteps(n.template)[n.step];
  if (!step || (step.unlessAcknowledged && n.acknowledgedAt)) return { kind: 'done', sent: false };
  const outcomes: TChannelOutcome[] = [];
  for (const channel of step.channels) {
    const out = await SEND[channel](ctx, n);
    outcomes.push(out);
    if (step.mode === 'first' && out.kind === 'sent') break;
  }
  const sent = outcomes.some((o) => o.kind === 'sent');
  const retry = outcomes.find((o) => o.kind === 'retry');
  const failed = outcomes.filter((o): o is { kind: 'failed'; why: string } => o.kind === 'failed');
  // `all` retries what did not go (what went is recorded); `first` is done once one channel went
  if (retry && (step.mode === 'all' || !sent)) return { kind: 'retry', why: retry.why };
  if (!sent && failed.length) return { kind: 'failed', why: failed.map((f) => f.why).join('; ') };
  return { kind: 'done', sent };
}

/** When a step of the notification's policy is due: `afterMs` from the notification. */
export function stepDueAt(n: TChannelNotice, step: number): Date | null {
  const s = channelSteps(n.template)[step];
  return s ? new Date(n.createdAt.getTime() + s.afterMs) : null;
}

/**
 * The first step after `step` that has a channel this deployment runs (an SMS step is not kept
 * waiting where SMS is off), and when it is due; null when none is left.
 */
export function nextStep(env: TEnv, n: TChannelNotice, step: number): { step: number; dueAt: Date } | null {
  const steps = channelSteps(n.template);
  for (let i = step + 1; i < steps.length; i++) if (steps[i].channels.some((c) => channelOn(env, c))) return { step: i, dueAt: stepDueAt(n, i)! };
  return null;
}

function channelOn(env: TEnv, c: TChannel): boolean {
  if (c === 'oa') return oaEnabled(env);
  if (c === 'sms') return smsEnabled(env);
  return true;
}
