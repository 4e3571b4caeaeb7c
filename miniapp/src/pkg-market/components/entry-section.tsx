import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/**
 * A titled list on a post's page (报名的人, 想买的人) with its count, 正在加载… while `items` is
 * null and an empty line (`${testId}-empty`) when there are none.
 */
export function EntrySection<T>({
  testId,
  title,
  emptyText,
  items,
  children,
}: {
  testId: string
  title: string
  emptyText: string
  items: T[] | null
  children: (items: T[]) => ReactNode
}) {
  return (
    <View data-testid={testId}>
      <Text className="mk-section-title">{`${title}${items?.length ? `（${items.length}）` : ''}`}</Text>
      {items === null ? <Text className="muted">正在加载…</Text> : null}
      {items && !items.length ? (
        <Text className="xyj-empty" data-testid={`${testId}-empty`}>
          {emptyText}
        </Text>
      ) : null}
      {items ? children(items) : null}
    </View>
  )
}

/** The entry's look by where it stands: 0 waiting (highlighted), 1 accepted, 2 done (greyed). */
export function entryClass(rank: 0 | 1 | 2): string {
  return `mk-entry ${rank === 0 ? 'mk-entry--pending' : rank === 1 ? '' : 'mk-entry--done'}`
}
