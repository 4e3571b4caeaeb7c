import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A big home-screen entry. Disabled cards say "即将上线" instead of doing nothing. */
export function EntryCard({
  title,
  desc,
  badge,
  disabled,
  onClick,
  testId,
}: {
  title: string
  desc?: ReactNode
  badge?: number
  disabled?: boolean
  onClick?: () => void
  testId?: string
}) {
  return (
    <View
      className={`xyj-entry ${disabled ? 'xyj-entry--disabled' : ''}`}
      data-testid={testId}
      onClick={disabled ? undefined : onClick}
    >
      <View className='xyj-entry__head'>
        <Text className='xyj-entry__title'>{title}</Text>
        {badge ? <Text className='xyj-entry__badge'>{badge}</Text> : null}
      </View>
      <Text className='xyj-entry__desc'>{disabled ? '即将上线' : desc}</Text>
    </View>
  )
}

export function Section({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <View className='xyj-section' data-testid={testId}>
      {title ? <Text className='xyj-section__title'>{title}</Text> : null}
      {children}
    </View>
  )
}
