import { Picker, Text, View } from '@tarojs/components'
import { dayText } from './labels'

/** A date from the system's date wheel, shown big: 「5月1日 ›」. Value and bounds are 'YYYY-MM-DD'. */
export function DateField({
  label,
  value,
  onChange,
  start,
  testId,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  start?: string
  testId: string
}) {
  return (
    <View className="xyj-field">
      <Text className="xyj-field__label">{label}</Text>
      <Picker mode="date" value={value} start={start} data-testid={testId} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="mk-date" data-testid={`${testId}-value`} data-value={value}>
          <Text>{value ? `${value.slice(0, 4)}年${dayText(value)}` : '点这里选日期'}</Text>
          <Text className="xyj-row__arrow">›</Text>
        </View>
      </Picker>
    </View>
  )
}
