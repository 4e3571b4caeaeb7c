import { Text, View } from '@tarojs/components'
import type { AppError, TErrorCode } from '../../../shared/errors'

/**
 * Shows an error the way people can act on it: the server's Chinese message (already safe
 * to show), for a validation failure the field messages, and — where the page knows what to
 * do next — a hint for that code (`hints`, e.g. 积分不足 → how to earn points).
 */
export function ErrorNotice({
  error,
  testId = 'error',
  hints,
}: {
  error: AppError | null | undefined
  testId?: string
  hints?: Partial<Record<TErrorCode, string>>
}) {
  if (!error) return null
  const issues = error.issues?.filter((i) => i.message) ?? []
  const hint = hints?.[error.code]
  return (
    <View className="xyj-error" data-testid={testId} data-code={error.code}>
      <Text className="xyj-error__text" data-testid={`${testId}-message`}>
        {error.message}
      </Text>
      {issues.map((i) => (
        <Text key={`${i.path}:${i.message}`} className="xyj-error__issue">
          {`· ${i.message}`}
        </Text>
      ))}
      {hint ? (
        <Text className="xyj-error__hint" data-testid={`${testId}-hint`}>
          {hint}
        </Text>
      ) : null}
    </View>
  )
}
