import { Text, View } from '@tarojs/components'
import type { TRequestItem } from '../../api/requests'
import { Tag } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { openPage } from '../../lib/navigation'
import { requestPage } from '../../lib/request-routes'
import { dueText, REQUEST_CATEGORIES, REQUEST_LEVELS, REQUEST_STATES, STATE_TAG } from './labels'
import { StateTag } from '../../components/state-tag'

const DONE = ['closed', 'withdrawn']

/** One request in a list: category, state, the text's start, who and when, the deadline (red when 超时). */
export function RequestCard({ item: r, showRequester }: { item: TRequestItem; showRequester?: boolean }) {
  const due = dueText(r)
  const who = showRequester ? `${r.requester.name} · ${r.courtyard.name}` : r.handler ? `${r.handler.name}办理` : r.courtyard.name
  return (
    <View
      className={`req-item ${r.overdue ? 'req-item--overdue' : DONE.includes(r.state) ? 'req-item--done' : ''}`}
      data-testid="request-item"
      data-id={r.id}
      data-ticket={r.ticket}
      data-state={r.state}
      data-overdue={r.overdue ? 'true' : 'false'}
      onClick={() => openPage(requestPage(r.id))}
    >
      <View className="req-item__head">
        <Text className="req-item__cat">{REQUEST_CATEGORIES[r.category]}</Text>
        {r.level !== 'courtyard' ? (
          <Tag className="req-item__tag" type="default">
            {REQUEST_LEVELS[r.level]}
          </Tag>
        ) : null}
        {r.overdue ? (
          <View data-testid="request-item-overdue">
            <Tag className="req-item__tag" type="danger">
              超时
            </Tag>
          </View>
        ) : null}
        <View data-testid="request-item-state">
          <StateTag className="req-item__tag" state={r.state} labels={REQUEST_STATES} types={STATE_TAG} />
        </View>
      </View>
      <Text className="req-item__text">{r.text}</Text>
      <Text className="req-item__meta">{`${who} · ${formatTime(r.createdAt)}`}</Text>
      <Text className="req-item__meta" data-testid="request-item-ticket">{`工单号 ${r.ticket}`}</Text>
      {due ? <Text className={`req-item__meta ${r.overdue ? 'req-overdue' : ''}`}>{r.overdue ? `已超时 · ${due}` : due}</Text> : null}
      {r.rating ? <Text className="req-item__meta">{`评价 ${'★'.repeat(r.rating)}`}</Text> : null}
    </View>
  )
}
