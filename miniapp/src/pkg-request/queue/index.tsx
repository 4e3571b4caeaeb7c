import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { headedCourtyards } from '../../api/me'
import { requestQueue, type TQueueState, type TRequestItem } from '../../api/requests'
import { findSosByTicket, type TSosCall } from '../../api/sos'
import { parseTicket } from '../../../../shared/domain/ticket-number'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { SubscribeAsk } from '../../components/subscribe-ask'
import { goToLogin, openPage } from '../../lib/navigation'
import { sosPage } from '../../lib/request-routes'
import { formatTime } from '../../lib/format'
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
const SOS_STATE_TEXT: Record<TSosCall['state'], string> = { open: '等待响应', acknowledged: '已有人响应', cancelled: '已取消', resolved: '已处理完毕' }

/**
 * 待办事项 of a 院长, 村干部 or 镇街管理员: the requests their tier owns, overdue ones first and
 * in red, then by deadline. Tabs narrow it by state; 按工单号查找 finds the one request of a
 * number a villager reads out on the phone (Z260042 or just 260042), whatever its state; an
 * 一键呼叫 number (S260007) finds the call instead.
 */
export default function RequestQueuePage() {
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const [state, setState] = useState<TQueueState>(isTab(params.state) ? params.state : 'open')
  const [items, setItems] = useState<TRequestItem[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const want = useRef<TQueueState>(state)
  const [typed, setTyped] = useState('')
  /** the 工单号 being shown instead of the tab's list, or null */
  const [search, setSearch] = useState<string | null>(null)
  const wantSearch = useRef<string | null>(null)
  /** the 一键呼叫 found by an S number (shown instead of requests) */
  const [calls, setCalls] = useState<TSosCall[] | null>(null)

  const load = async (s: TQueueState, q: string | null = wantSearch.current) => {
    if (!getToken()) return goToLogin()
    want.current = s
    wantSearch.current = q
    const current = () => want.current === s && wantSearch.current === q
    try {
      if (q && parseTicket(q)?.kind === 'sos') {
        const res = await findSosByTicket(q)
        if (!current()) return
        setCalls(res.items)
        setItems([])
      } else {
        const res = await requestQueue(s, 50, q ?? undefined)
        if (!current()) return
        setCalls(null)
        setItems(queueOrder(res.items))
      }
      setError(null)
    } catch (err) {
      if (current()) {
        setCalls(null)
        setItems(q ? [] : null)
        setError(toAppError(err))
      }
    }
  }

  const find = () => {
    const q = typed.trim()
    if (!q) return clearSearch()
    setSearch(q)
    setItems(null)
    void load(state, q)
  }
  const clearSearch = () => {
    setCalls(null)
    setTyped('')
    setSearch(null)
    setItems(null)
    void load(state, null)
  }

  useDidShow(() => {
    void load(want.current)
  })
  usePullDownRefresh(async () => {
    await load(want.current)
    Taro.stopPullDownRefresh()
  })

  const choose = (s: TQueueState) => {
    if (s === state && !search) return
    setState(s)
    setSearch(null)
    setCalls(null)
    setTyped('')
    setItems(null)
    void load(s, null)
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

      <View className="req-search" data-testid="request-queue-search">
        <Field label="按工单号查找" value={typed} onChange={setTyped} placeholder="如 Z260042、S260007" maxlength={20} testId="request-queue-search-input" />
        <View className="row req-search__buttons">
          <Button className="btn-small" type="primary" data-testid="request-queue-search-go" onClick={find}>
            查找
          </Button>
          {search ? (
            <Button className="btn-small" data-testid="request-queue-search-clear" onClick={clearSearch}>
              看全部待办
            </Button>
          ) : null}
        </View>
      </View>

      <View className="chips" data-testid="request-queue-tabs" data-value={search ? 'search' : state}>
        {TABS.map((t) => (
          <Text
            key={t.value}
            className={`chip ${t.value === state && !search ? 'chip--on' : ''}`}
            data-testid={`request-queue-${t.value}`}
            data-on={t.value === state && !search ? 'true' : 'false'}
            onClick={() => choose(t.value)}
          >
            {t.label}
          </Text>
        ))}
      </View>

      {items ? (
        <Text className={`page-subtitle ${overdue ? 'req-overdue' : ''}`} data-testid="request-queue-summary" data-overdue={String(overdue)}>
          {search
            ? items.length || calls?.length
              ? `工单号 ${items[0]?.ticket ?? calls?.[0]?.ticket ?? ''}`
              : ''
            : items.length
              ? `共 ${items.length} 件${overdue ? `，${overdue} 件已超时` : ''}`
              : ''}
        </Text>
      ) : null}

      <ErrorNotice error={error} testId="request-queue-error" />
      {items === null && !error ? <Text className="muted">正在加载…</Text> : null}
      {calls?.map((c) => (
        <View key={c.id} className="req-item" data-testid="request-queue-sos" data-id={c.id} data-ticket={c.ticket} onClick={() => openPage(sosPage(c.id))}>
          <View className="req-item__head">
            <Text className="req-item__cat">一键呼叫</Text>
            <Text className="req-item__meta">{SOS_STATE_TEXT[c.state]}</Text>
          </View>
          <Text className="req-item__text">{`${c.caller.name} · ${c.address}`}</Text>
          <Text className="req-item__meta">{`工单号 ${c.ticket} · ${formatTime(c.createdAt)}`}</Text>
        </View>
      ))}
      {items && !items.length && !calls?.length && !(search && error) ? (
        <Text className="xyj-empty" data-testid="request-queue-empty">
          {search ? `您负责的事项里没有工单号 ${search}` : state === 'open' || state === 'waiting' ? '没有等您处理的事项' : '没有这类事项'}
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
