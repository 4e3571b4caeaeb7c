import { Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { requestQueue } from '../api/requests'
import { openPage } from '../lib/navigation'
import { REQUEST_ROUTES } from '../lib/request-routes'
import { EntryCard } from './card'

/** 首页 · 找院长 (villagers): opens the form. */
export function AskHeadCard() {
  return (
    <EntryCard
      title="找院长"
      desc={<Text data-testid="home-ask-head-text">有事说一声，院长不在身边也能办</Text>}
      testId="home-ask-head"
      onClick={() => openPage(REQUEST_ROUTES.new)}
    />
  )
}

/** 首页 · 待办事项 (院长, 村干部, 镇街管理员): how many wait and how many are overdue. */
export function RequestQueueCard() {
  const [counts, setCounts] = useState<{ open: number; overdue: number; more: boolean } | null>(null)
  const busy = useRef(false)
  const load = useRef(() => {})
  load.current = () => {
    if (busy.current) return // mount and first show together: one request
    busy.current = true
    requestQueue('open')
      .then((r) => setCounts({ open: r.items.length, overdue: r.items.filter((i) => i.overdue).length, more: r.items.length >= 50 }))
      .catch(() => setCounts(null)) // a hint only; the queue page shows the real error
      .finally(() => {
        busy.current = false
      })
  }
  useEffect(() => load.current(), [])
  useDidShow(() => load.current())

  const text =
    counts === null
      ? '村民找院长的事项，超时的在前'
      : counts.open
        ? `有 ${counts.open}${counts.more ? '+' : ''} 件待办${counts.overdue ? `，${counts.overdue} 件已超时` : ''}`
        : '暂无待办事项'
  return (
    <EntryCard
      title="待办事项"
      badge={counts?.open || undefined}
      desc={
        <Text data-testid="home-request-queue-text" data-overdue={String(counts?.overdue ?? 0)}>
          {text}
        </Text>
      }
      testId="home-request-queue"
      onClick={() => openPage(REQUEST_ROUTES.queue)}
    />
  )
}
