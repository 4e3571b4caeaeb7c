import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { badgeText } from '../lib/format'

/** A big home-screen entry. Disabled cards say "即将上线" instead of doing nothing. */
export function EntryCard({
  title,
  desc,
  badge,
  disabled,
  onClick,
  testId,
  children,
}: {
  title: string
  desc?: ReactNode
  badge?: number
  disabled?: boolean
  onClick?: () => void
  testId?: string
  /** below the description: the first few things waiting (工作台 previews) */
  children?: ReactNode
}) {
  return (
    <View className={`xyj-entry ${disabled ? 'xyj-entry--disabled' : ''}`} data-testid={testId} onClick={disabled ? undefined : onClick}>
      <View className="xyj-entry__head">
        <Text className="xyj-entry__title">{title}</Text>
        {badge ? (
          <Text className="xyj-entry__badge" data-testid={testId ? `${testId}-badge` : undefined}>
            {badgeText(badge)}
          </Text>
        ) : null}
      </View>
      <Text className="xyj-entry__desc">{disabled ? '即将上线' : desc}</Text>
      {disabled ? null : children}
    </View>
  )
}

export function Section({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <View className="xyj-section" data-testid={testId}>
      {title ? <Text className="xyj-section__title">{title}</Text> : null}
      {children}
    </View>
  )
}

/** A full-width row that opens a page (我的 → 消息): title, optional badge or extra, arrow. */
export function LinkRow({
  title,
  badge,
  extra,
  onClick,
  testId,
}: {
  title: string
  badge?: number | null
  extra?: string
  onClick: () => void
  testId: string
}) {
  return (
    <View className="xyj-row" data-testid={testId} onClick={onClick}>
      <Text className="xyj-row__title">{title}</Text>
      {badge ? (
        <Text className="xyj-badge" data-testid={`${testId}-badge`}>
          {badgeText(badge)}
        </Text>
      ) : extra ? (
        <Text className="xyj-row__extra">{extra}</Text>
      ) : null}
      <Text className="xyj-row__arrow">›</Text>
    </View>
  )
}
