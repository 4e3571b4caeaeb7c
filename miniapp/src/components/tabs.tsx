import { Text, View } from '@tarojs/components'

/** A segmented choice in one row (个人/户/院落): each option a large tap target. */
export function Tabs<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
  testId: string
}) {
  return (
    <View className="xyj-tabs" data-testid={testId} data-value={value}>
      {options.map((o) => (
        <Text
          key={o.value}
          className={`xyj-tabs__item ${o.value === value ? 'xyj-tabs__item--on' : ''}`}
          data-testid={`${testId}-${o.value}`}
          data-on={o.value === value ? 'true' : 'false'}
          onClick={() => o.value !== value && onChange(o.value)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  )
}
