import { Input, Text, View } from '@tarojs/components'

/**
 * − [value] + : a number people can change with two big buttons (half a day at a time) or
 * type (30 days is no 60 taps). The value stays text; the form checks it when sending.
 */
export function Stepper({
  value,
  onChange,
  step = 1,
  min,
  max,
  suffix,
  testId,
}: {
  value: string
  onChange: (v: string) => void
  step?: number
  min: number
  max: number
  suffix?: string
  testId: string
}) {
  const n = Number(value)
  const known = value.trim() !== '' && Number.isFinite(n)
  // steps land on the grid: 2.3 - 0.5 → 2 (whole multiples of the step only)
  const below = known ? Math.ceil(n / step - 1e-9) * step - step : min
  const above = known ? Math.floor(n / step + 1e-9) * step + step : min
  const down = known && below >= min
  const up = above <= max
  const text = (x: number) => String(Math.round(x * 100) / 100)
  return (
    <View className="mk-stepper" data-testid={testId} data-value={value}>
      <Text
        className={`mk-stepper__btn ${down ? '' : 'mk-stepper__btn--off'}`}
        data-testid={`${testId}-minus`}
        aria-label="减少"
        onClick={() => down && onChange(text(below))}
      >
        −
      </Text>
      <Input className="mk-stepper__value" data-testid={`${testId}-input`} type="digit" value={value} maxlength={6} onInput={(e) => onChange(e.detail.value)} />
      {suffix ? <Text className="mk-stepper__suffix">{suffix}</Text> : null}
      <Text
        className={`mk-stepper__btn ${up ? '' : 'mk-stepper__btn--off'}`}
        data-testid={`${testId}-plus`}
        aria-label="增加"
        onClick={() => up && onChange(text(above))}
      >
        +
      </Text>
    </View>
  )
}
