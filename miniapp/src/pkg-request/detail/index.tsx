import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { getRequest, listMessages, requestTimeline, type TRequestDetail, type TRequestEvent, type TRequestMessage } from '../../api/requests'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { MediaImage } from '../../components/media-image'
import { Tag } from '../../components/nut'
import { SubscribeAsk } from '../../components/subscribe-ask'
import { formatPhone, formatTime } from '../../lib/format'
import { useDetail } from '../../lib/use-detail'
import { useMe } from '../../lib/use-me'
import { callPhone } from '../../platform'
import { dueText, REQUEST_CATEGORIES, REQUEST_LEVELS, REQUEST_STATES, STATE_TAG } from '../components/labels'
import { RequestActions } from './actions'
import { Thread } from './thread'
import { StateTag } from '../../components/state-tag'
import { useElderMode } from '../../lib/elder-mode'
import '../components/request.scss'

const STATE_HINT: Partial<Record<TRequestDetail['state'], string>> = {
  submitted: '已送到院长，等待受理',
  escalated_village: '已转给村里，等待村干部受理',
  escalated_township: '已报到镇街，等待镇街受理',
  resolved: '已办结，请反映人确认并评价',
}

/**
 * 事项详情: what was asked (category, text, photos, place), where it stands (state, 定性,
 * who handles it, the deadline and 超时), the requester's phone for handlers, the buttons the
 * server allows now, the 沟通 thread and the 办理过程 timeline nobody can edit.
 */
export default function RequestDetailPage() {
  const elder = useElderMode()
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const [messages, setMessages] = useState<TRequestMessage[] | null>(null)
  const [events, setEvents] = useState<TRequestEvent[] | null>(null)
  const {
    item: detail,
    setItem: setDetail,
    error,
    load,
    reloadSide,
  } = useDetail({
    id,
    notFound: '没有找到这件事项',
    get: getRequest,
    side: async (_d, current) => {
      const [m, t] = await Promise.allSettled([listMessages(id), requestTimeline(id)])
      if (!current()) return
      if (m.status === 'fulfilled') setMessages(m.value.items)
      if (t.status === 'fulfilled') setEvents(t.value.items)
    },
  })

  const onChanged = (d: TRequestDetail, toast: string) => {
    setDetail(d)
    Taro.showToast({ title: toast, icon: 'none', duration: 1500 })
    void reloadSide(d)
  }

  const onSent = (m: TRequestMessage) => {
    setMessages((list) => [...(list ?? []), m])
    if (detail) void reloadSide(detail) // the thread shows only with the request loaded
  }

  const d = detail
  const due = d ? dueText(d) : null
  const mineRequest = Boolean(d && me && d.requester.id === me.person.id)
  const live = d ? !['closed', 'withdrawn'].includes(d.state) : false

  return (
    <View className={`page req-desk req-detail ${elder.className}`}>
      <ErrorNotice error={error} testId="request-detail-error" />
      {!d && !error ? <Text className="muted">正在加载…</Text> : null}

      {d ? (
        <>
          <View
            className={`req-card ${d.overdue ? 'req-card--overdue' : ''}`}
            data-testid="request-detail"
            data-id={d.id}
            data-state={d.state}
            data-level={d.level}
            data-overdue={d.overdue ? 'true' : 'false'}
          >
            <View className="req-card__tags">
              <View data-testid="request-category">
                <Tag type="primary">{REQUEST_CATEGORIES[d.category]}</Tag>
              </View>
              <View data-testid="request-state" data-state={d.state}>
                <StateTag state={d.state} labels={REQUEST_STATES} types={STATE_TAG} />
              </View>
              <View data-testid="request-level" data-level={d.level}>
                <Tag type="default">{REQUEST_LEVELS[d.level]}</Tag>
              </View>
              {d.overdue ? (
                <View data-testid="request-overdue">
                  <Tag type="danger">超时</Tag>
                </View>
              ) : null}
            </View>
            <Text className="req-card__text" data-testid="request-text-view">
              {d.text}
            </Text>
            {d.photoIds.length ? (
              <View className="req-card__photos">
                {d.photoIds.map((p) => (
                  <MediaImage key={p} id={p} testId="request-photo" />
                ))}
              </View>
            ) : null}
            {d.place ? <Text className="req-card__line" data-testid="request-place-view">{`地点：${d.place}`}</Text> : null}
            <Text className="req-card__line req-ticket" data-testid="request-ticket" data-ticket={d.ticket}>{`工单号 ${d.ticket}`}</Text>
            <Text className="req-card__line">{`${d.requester.name} · ${d.courtyard.name} · ${formatTime(d.createdAt)}`}</Text>
            <Text className="req-card__line" data-testid="request-handler">
              {d.handler ? `办理人：${d.handler.name}` : '办理人：待受理'}
            </Text>
            {due ? (
              <Text className={`req-card__line ${d.overdue ? 'req-overdue' : ''}`} data-testid="request-due">
                {d.overdue ? `已超时 · ${due}` : due}
              </Text>
            ) : null}
            {STATE_HINT[d.state] ? (
              <Text className="req-card__line" data-testid="request-state-hint">
                {STATE_HINT[d.state]}
              </Text>
            ) : null}
            {d.rating ? (
              <Text className="req-card__line" data-testid="request-rating" data-rating={String(d.rating)}>
                {`评价：${'★'.repeat(d.rating)}${'☆'.repeat(5 - d.rating)}${d.ratingComment ? `「${d.ratingComment}」` : ''}`}
              </Text>
            ) : null}
            {d.requesterPhone ? (
              <View className="req-phone" data-testid="request-requester-phone" data-phone={d.requesterPhone}>
                <Text className="req-phone__text">{`${d.requester.name} ${formatPhone(d.requesterPhone)}`}</Text>
                <Text className="req-phone__call" data-testid="request-call" onClick={() => void callPhone(d.requesterPhone!)}>
                  打电话
                </Text>
              </View>
            ) : null}
            {d.contacts.map((c) => (
              <View key={c.id} className="req-phone" data-testid="request-contact" data-role={c.role} data-phone={c.phone}>
                <Text className="req-phone__text">{`${c.role === 'handler' ? '办理人' : '院长'} ${c.name} ${formatPhone(c.phone)}`}</Text>
                <Text className="req-phone__call" data-testid="request-contact-call" onClick={() => void callPhone(c.phone)}>
                  打电话
                </Text>
              </View>
            ))}
          </View>

          <RequestActions detail={d} onChanged={onChanged} onConflict={() => void load()} />

          {mineRequest && live ? (
            <SubscribeAsk template="request_update" label="有进展时微信通知我" doneText="好的，事项有进展时会通过微信通知您" testId="request-subscribe" />
          ) : null}

          <Thread requestId={d.id} items={messages} canWrite={d.can.message} onSent={onSent} />

          <Section title="办理过程" testId="request-timeline">
            {events?.map((e) => (
              <View key={e.id} className="req-event" data-testid="request-event" data-kind={e.kind}>
                <Text className="req-event__label">{e.label}</Text>
                <Text className="req-event__meta">{`${e.actor ? `${e.actor.name} · ` : ''}${formatTime(e.at)}`}</Text>
                {e.note ? <Text className="req-event__note">{e.note}</Text> : null}
              </View>
            ))}
            {events === null ? <Text className="muted">正在加载…</Text> : null}
          </Section>
        </>
      ) : null}
    </View>
  )
}
