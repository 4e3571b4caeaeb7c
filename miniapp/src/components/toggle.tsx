import { Text, View } from '@tarojs/components'

/** A whole-row check box: the row is the tap target, large enough for elderly fingers. */
export function Toggle({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId: string }) {
  return (
    <View
      className={`xyj-toggle ${checked ? 'xyj-toggle--on' : ''}`}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => onChange(!checked)}
    >
      <View className="xyj-toggle__box">{checked ? <Text className="xyj-toggle__tick">✓</Text> : null}</View>
      <Text className="xyj-toggle__label">{label}</Text>
    </View>
  )
}
