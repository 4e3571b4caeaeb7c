import { Input, Text, View } from '@tarojs/components'

interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** `nickname` (weapp): the keyboard offers the WeChat nickname; a plain text box elsewhere */
  type?: 'text' | 'number' | 'digit' | 'nickname'
  maxlength?: number
  testId: string
  hint?: string
}

/** A labelled, large text input. On H5 the native <input> sits inside `[data-testid] input`. */
export function Field({ label, value, onChange, placeholder, type = 'text', maxlength = 40, testId, hint }: FieldProps) {
  return (
    <View className="xyj-field">
      <Text className="xyj-field__label">{label}</Text>
      <Input
        className="xyj-field__input"
        data-testid={testId}
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="xyj-field__placeholder"
        // H5: the label above is a plain text, so the <input> inside Taro's box is named for screen readers
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => onChange(e.detail.value)}
        // WeChat fills a nickname picked from the keyboard without an input event, only blur
        onBlur={type === 'nickname' ? (e) => onChange(e.detail.value) : undefined}
      />
      {hint ? <Text className="xyj-field__hint">{hint}</Text> : null}
    </View>
  )
}
