import type { TSosCall } from '../api/sos'
import { SOS_STEP_LABELS } from '../../../shared/domain/requests'

/** The call is still going on (nobody has closed it). */
export function sosLive(c: Pick<TSosCall, 'state'> | null | undefined): boolean {
  return c?.state === 'open' || c?.state === 'acknowledged'
}

/** What the caller sees in big letters: who has been told, or who is coming. */
export function sosStatusText(c: TSosCall): string {
  const step = c.stepLabel || SOS_STEP_LABELS[c.step] || ''
  switch (c.state) {
    case 'acknowledged':
      return c.responder ? `${c.responder.name}正在赶来` : '已有人响应，正在赶来'
    case 'open':
      return c.step === 0 ? `正在通知${step || '院长和联户党员'}` : `还没有人响应，已通知${step}`
    case 'cancelled':
      return '呼叫已取消'
    case 'resolved':
      return '已处理完毕'
  }
}

/** Milliseconds the armed 一键呼叫 button waits for the second tap before it calms down. */
export const SOS_ARM_MS = 5000
