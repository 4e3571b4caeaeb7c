import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '../../components/nut'

type TProps = {
  title: string
  /** the reasons given most often: one tap instead of typing */
  quickReasons: readonly string[]
  reason: string
  onReason: (reason: string) => void
  maxLength: number
  placeholder: string
  busy: boolean
  confirmText: string
  onConfirm: () => void
  /** the panel, the quick reasons (`<quick>-<n>`), the text box and the button */
  testIds: { panel: string; quick: string; text: string; confirm: string }
}

/** Why a seller 婉拒 or a reviewer 退回: quick reasons as chips, a text the other side reads, the confirming button. */
export function ReasonPanel(p: TProps) {
  return (
    <View className="mk-panel" data-testid={p.testIds.panel}>
      <Text className="mk-panel__title">{p.title}</Text>
      <View className="chips">
        {p.quickReasons.map((q, n) => (
          <Text key={q} className={`chip ${p.reason === q ? 'chip--on' : ''}`} data-testid={`${p.testIds.quick}-${n}`} onClick={() => p.onReason(q)}>
            {q}
          </Text>
        ))}
      </View>
      <Textarea
        className="mk-textarea"
        data-testid={p.testIds.text}
        value={p.reason}
        maxlength={p.maxLength}
        placeholder={p.placeholder}
        onInput={(e) => p.onReason(e.detail.value)}
      />
      <Button className="btn" type="warning" size="xlarge" block loading={p.busy} data-testid={p.testIds.confirm} onClick={() => p.onConfirm()}>
        {p.confirmText}
      </Button>
    </View>
  )
}
