import { Text } from '@tarojs/components'
import { REQUEST_STATES, requestSummary } from '../../../shared/domain/requests'
import { requestQueue } from '../api/requests'
import { openPage } from '../lib/navigation'
import { REQUEST_ROUTES } from '../lib/request-routes'
import { useHint } from '../lib/use-hint'
import { EntryCard } from './card'
import { PreviewRow } from './preview-row'

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

/**
 * 首页 · 待办事项 (院长, 村干部, 镇街管理员): how many wait and how many are overdue; on a 工作台
 * (`preview`) also the first few, overdue first as the queue orders them. The whole card is one
 * tap target (the queue), rows included: a large target for elderly fingers.
 */
export function RequestQueueCard({ preview = 0 }: { preview?: number }) {
  const queue = useHint(() => requestQueue('open'))
  const counts = queue && { open: queue.items.length, overdue: queue.items.filter((i) => i.overdue).length, more: queue.items.length >= 50 }
  const first = queue?.items.slice(0, preview) ?? []

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
    >
      {first.map((i) => (
        <PreviewRow
          key={i.id}
          testId="home-queue-item"
          data={{ id: i.id, overdue: String(i.overdue), state: i.state }}
          text={`${i.courtyard.name} · ${requestSummary(i.category, i.text)}`}
          tag={i.overdue ? { text: '已超时', tone: 'danger' } : i.state.startsWith('escalated') ? { text: REQUEST_STATES[i.state], tone: 'warn' } : undefined}
        />
      ))}
    </EntryCard>
  )
}
