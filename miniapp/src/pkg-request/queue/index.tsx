import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { headedCourtyards } from '../../api/me'
import { requestQueue, type TQueueState, type TRequestItem } from '../../api/requests'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { SubscribeAsk } from '../../components/subscribe-ask'
import { goToLogin } from '../../lib/navigation'
import { handlesRequests } from '../../lib/request-roles'
import { useMe } from '../../lib/use-me'
import { queueOrder } from '../components/labels'
import { RequestCard } from '../components/request-card'
import '../components/request.scss'

const TABS: { value: TQueueState; label: string }[] = [
  { value: 'open', label: '未办结' },
  { value: 'waiting', label: '待受理' },
  { value: 'accepted', label: '办理中' },
  { value: 'resolved', label: '待确认' },
  { value: 'closed', label: '已完结' },
  { value: 'all', label: '全部' },
]
const isTab = (s: string | undefined): s is TQueueState => TABS.some((t) => t.value === s)

/**
 * 待办事项 of a 院长, 村干部 or 镇街管理员: the requests their tier owns, overdue ones first and
 * in red, then by deadline. Tabs narrow it by state.
 */
export default function RequestQueuePage() {
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const [state, setState] = useState<TQueueState>(isTab(params.state) ? params.state : 'open')
  const [items, setItems] = useState<TRequestItem[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const want = useRef<TQueueState>(state)

  const load = async (s: TQueueState) => {
    if (!getToken()) return goToLogin()
    want.current = s
    try {
      const res = await requestQueue(s)
      if (want.current !== s) return
      setItems(queueOrder(res.items))
      setError(null)
    } catch (err) {
      if (want.current === s) setError(toAppError(err))
    }
  }

  useDidShow(() => {
    void load(want.current)
  })
  usePullDownRefresh(async () => {
    await load(want.current)
    Taro.stopPullDownRefresh()
  })

  const choose = (s: TQueueState) => {
    if (s === state) return
    setState(s)
    setItems(null)
    void load(s)
  }

  const overdue = items?.filter((r) => r.overdue).length ?? 0
  const head = me ? headedCourtyards(me).length > 0 : false

  return (
    <View className="page req-desk req-queue">
      <ErrorNotice error={meError} testId="request-queue-me-error" />
      {me && !handlesRequests(me) ? (
        <Text className="muted" data-testid="request-queue-not-handler">
          院长、村干部和镇街管理员在这里处理村民的事项。
        </Text>
      ) : null}

      <View className="chips" data-testid="request-queue-tabs" data-value={state}>
        {TABS.map((t) => (
          <Text
            key={t.value}
            className={`chip ${t.value === state ? 'chip--on' : ''}`}
            data-testid={`request-queue-${t.value}`}
            data-on={t.value === state ? 'true' : 'false'}
            onClick={() => choose(t.value)}
          >
            {t.label}
          </Text>
        ))}
      </View>

      {items ? (
        <Text className={`page-subtitle ${overdue ? 'req-overdue' : ''}`} data-testid="request-queue-summary" data-overdue={String(overdue)}>
          {items.length ? `共 ${items.length} 件${overdue ? `，${overdue} 件已超时` : ''}` : ''}
        </Text>
      ) : null}

      <ErrorNotice error={error} testId="request-queue-error" />
      {items === null && !error ? <Text className="muted">正在加载…</Text> : null}
      {items && !items.length ? (
        <Text className="xyj-empty" data-testid="request-queue-empty">
          {state === 'open' || state === 'waiting' ? '没有等您处理的事项' : '没有这类事项'}
        </Text>
      ) : null}
      {items?.map((r) => (
        <RequestCard key={r.id} item={r} showRequester />
      ))}

      {me && handlesRequests(me) ? (
        <SubscribeAsk
          template={head ? 'request_new' : 'request_escalated'}
          label={head ? '有新事项时微信通知我' : '有事项吹哨到我这里时微信通知我'}
          showCredits
          doneText="好的，有新事项时会通过微信通知您"
          testId="request-queue-subscribe"
        />
      ) : null}
    </View>
  )
}
