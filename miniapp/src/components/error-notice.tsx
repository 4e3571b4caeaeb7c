import { Text, View } from '@tarojs/components'
import type { AppError } from '../../../shared/errors'

/**
 * Shows an error the way people can act on it: the server's Chinese message (already safe
 * to show) plus, for a validation failure, the field messages.
 */
export function ErrorNotice({ error, testId = 'error' }: { error: AppError | null | undefined; testId?: string }) {
  if (!error) return null
  const issues = error.issues?.filter((i) => i.message) ?? []
  return (
    <View className='xyj-error' data-testid={testId} data-code={error.code}>
      <Text className='xyj-error__text'>{error.message}</Text>
      {issues.map((i) => (
        <Text key={`${i.path}:${i.message}`} className='xyj-error__issue'>
          {`· ${i.message}`}
        </Text>
      ))}
    </View>
  )
}
