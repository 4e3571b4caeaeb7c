import { Text, View } from '@tarojs/components'

/**
 * One line under a 工作台 card: the first few things waiting (a request, a bin, a pickup). Rows
 * are part of their card: a tap anywhere opens the card's page.
 */
export function PreviewRow({
  text,
  tag,
  testId,
  data = {},
}: {
  text: string
  tag?: { text: string; tone: 'danger' | 'warn' }
  testId: string
  /** data-* attributes the tests read */
  data?: Record<string, string>
}) {
  const attrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]))
  return (
    <View className="home-preview" data-testid={testId} {...attrs}>
      {tag ? <Text className={`home-preview__tag home-preview__tag--${tag.tone}`}>{tag.text}</Text> : null}
      <Text className="home-preview__text">{text}</Text>
    </View>
  )
}
