import { AppError } from '../../../shared/errors'
import type { TCredits } from '../api/subscriptions'
import { platform } from '../platform'

/** What came of one ask, each with its own friendly sentence. */
export type TSubscribeOutcome =
  | { kind: 'subscribed'; accepted: string[]; credits: TCredits }
  /** the person tapped 取消 / 拒绝 */
  | { kind: 'declined' }
  /** the person switched this kind of message off in WeChat's settings */
  | { kind: 'banned' }
  /** no WeChat here (plain browser): nothing can be subscribed */
  | { kind: 'unsupported' }
  /** the server has no WeChat template for it */
  | { kind: 'unavailable' }
  | { kind: 'failed'; error: AppError }

/** WeChat allows at most 3 templates per ask, and the server takes at most 3 per report. */
export const MAX_IDS_PER_ASK = 3

/** WeChat's errCode when the sheet cannot be shown because the person turned all messages off. */
const MAIN_SWITCH_OFF = 20004

/**
 * 订阅提醒: asks WeChat for the given logical templates and reports only the accepted ids
 * (one credit each). `requestSubscribeMessage` must be the first thing that waits in the
 * tap handler (WeChat refuses it outside a tap), so the template ids come in already loaded.
 */
export async function askSubscription(
  names: string[],
  templates: Record<string, string>,
  report: (accepted: string[]) => Promise<{ credits: TCredits }>,
): Promise<TSubscribeOutcome> {
  const ids = [...new Set(names.map((n) => templates[n]).filter((id): id is string => Boolean(id)))].slice(0, MAX_IDS_PER_ASK)
  if (!ids.length) return { kind: 'unavailable' }

  let answers: Record<string, string>
  try {
    answers = await platform.requestSubscribeMessage(ids)
  } catch (err) {
    if ((err as { errCode?: number } | null)?.errCode === MAIN_SWITCH_OFF) return { kind: 'banned' }
    return {
      kind: 'failed',
      error: new AppError('VALIDATION_FAILED', { message: '没能打开订阅提醒，请再点一次', cause: err }),
    }
  }

  const accepted = ids.filter((id) => answers[id] === 'accept')
  if (!accepted.length) {
    if (ids.some((id) => answers[id] === 'ban')) return { kind: 'banned' }
    return platform.canSubscribe ? { kind: 'declined' } : { kind: 'unsupported' }
  }
  try {
    const { credits } = await report(accepted)
    return { kind: 'subscribed', accepted, credits }
  } catch (err) {
    return { kind: 'failed', error: err instanceof AppError ? err : new AppError('INTERNAL', { cause: err }) }
  }
}

/** The sentence for an outcome that is not a success (success wording depends on the tap). */
export function outcomeText(outcome: Exclude<TSubscribeOutcome, { kind: 'subscribed' }>): string {
  switch (outcome.kind) {
    case 'declined':
      return '您没有同意接收提醒。新消息会放在「消息」里，想收提醒时再点一次就行。'
    case 'banned':
      return '您在微信里关掉了这类提醒。可以在小程序右上角「···」→「设置」里打开，再点一次。'
    case 'unsupported':
      return '这里收不到微信提醒，没有开启订阅。新消息会放在「消息」里，请到微信小程序里开启提醒。'
    case 'unavailable':
      return '微信提醒暂时没有开通，新消息会放在「消息」里。'
    case 'failed':
      return outcome.error.message
  }
}
