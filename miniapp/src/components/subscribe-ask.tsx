import { Text, View } from '@tarojs/components'
import { outcomeText } from '../lib/subscribe'
import { useSubscribe } from '../lib/use-subscribe'
import { Button } from './nut'

/**
 * 「通知我…」: one tap opens WeChat's subscribe sheet for one kind of message. WeChat grants
 * one message per accept, so `showCredits` shows how many reminders are left (还能收到 N 次提醒)
 * and each further tap adds one.
 */
export function SubscribeAsk({
  template,
  label,
  doneText,
  hint,
  showCredits,
  primary,
  testId,
}: {
  /** logical template name, e.g. 'bin_task' */
  template: string
  label: string
  /** said after WeChat accepted, e.g. 「好的，审核有结果时会通过微信通知您」 */
  doneText: string
  hint?: string
  showCredits?: boolean
  primary?: boolean
  testId: string
}) {
  const sub = useSubscribe([template])
  const left = sub.creditsOf(template)
  const outcome = sub.outcome

  return (
    <View className="xyj-subscribe" data-testid={`${testId}-box`}>
      <Button
        className="btn"
        type={primary ? 'primary' : 'default'}
        fill={primary ? undefined : 'outline'}
        size="xlarge"
        block
        loading={sub.busy}
        data-testid={testId}
        onClick={() => void sub.ask()}
      >
        {label}
      </Button>
      {hint ? <Text className="xyj-subscribe__hint">{hint}</Text> : null}
      {showCredits && sub.credits ? (
        <Text className="xyj-subscribe__credits" data-testid={`${testId}-credits`} data-credits={String(left)}>
          {left > 0 ? `还能收到 ${left} 次提醒` : '现在收不到提醒了，点上面的按钮开启'}
        </Text>
      ) : null}
      {outcome ? (
        <Text
          className={`xyj-subscribe__result ${outcome.kind === 'subscribed' ? 'xyj-subscribe__result--ok' : ''}`}
          data-testid={`${testId}-result`}
          data-outcome={outcome.kind}
        >
          {outcome.kind === 'subscribed' ? doneText : outcomeText(outcome)}
        </Text>
      ) : null}
    </View>
  )
}
