import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import {
  cancelIntent,
  myApplications,
  myIntents,
  myJobs,
  myListings,
  withdrawApplication,
  type TApplication,
  type TIntent,
  type TJob,
  type TListing,
} from '../../api/market'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { Tabs } from '../../components/tabs'
import { formatTime } from '../../lib/format'
import { jobPage, listingPage, MARKET_ROUTES, type TMineTab } from '../../lib/market-routes'
import { formatFen } from '../../lib/money'
import { goToLogin, openPage } from '../../lib/navigation'
import { useAction, type TActionResult } from '../../lib/use-action'
import { JobCard, ListingCard } from '../components/cards'
import { entryClass } from '../components/entry-section'
import { APPLICATION_STATES, APPLICATION_TAG, INTENT_STATES, INTENT_TAG, payText, priceText } from '../components/labels'
import { PhoneRow } from '../components/phone-row'
import { WorkRecord } from '../components/work-record'
import { StateTag } from '../../components/state-tag'
import '../components/market.scss'

const TABS: { value: TMineTab; label: string }[] = [
  { value: 'listings', label: '我卖的' },
  { value: 'intents', label: '我想买的' },
  { value: 'jobs', label: '我招的工' },
  { value: 'applications', label: '我报的活' },
]
const isTab = (s: string | undefined): s is TMineTab => TABS.some((t) => t.value === s)

type TData =
  | { tab: 'listings'; items: TListing[] }
  | { tab: 'intents'; items: TIntent[] }
  | { tab: 'jobs'; items: TJob[] }
  | { tab: 'applications'; items: TApplication[] }

function fetchTab(tab: TMineTab): Promise<TData> {
  switch (tab) {
    case 'listings':
      return myListings().then((r) => ({ tab, items: r.items }))
    case 'intents':
      return myIntents().then((r) => ({ tab, items: r.items }))
    case 'jobs':
      return myJobs().then((r) => ({ tab, items: r.items }))
    case 'applications':
      return myApplications().then((r) => ({ tab, items: r.items }))
  }
}

/**
 * 我的买卖: my listings (every state), the intents I sent (the seller's phone once they accept,
 * 撤回 while waiting), my jobs, and the jobs I applied for (撤回 before hiring, 工作记录 after).
 */
export default function MarketMinePage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<TMineTab>(isTab(params.tab) ? params.tab : 'listings')
  const [data, setData] = useState<TData | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const want = useRef<TMineTab>(tab)
  const [acting, setActing] = useState<string | null>(null)

  const load = async (t: TMineTab) => {
    if (!getToken()) return goToLogin()
    want.current = t
    try {
      const d = await fetchTab(t)
      if (want.current !== t) return
      setData(d)
      setError(null)
    } catch (err) {
      if (want.current === t) setError(toAppError(err))
    }
  }

  useDidShow(() => {
    void load(want.current)
  })
  usePullDownRefresh(async () => {
    await load(want.current)
    Taro.stopPullDownRefresh()
  })

  const choose = (t: TMineTab) => {
    setTab(t)
    setData(null)
    void load(t)
  }

  const cancel = useAction('cancel-intent', (id: string, key: string) => cancelIntent(id, key))
  const withdraw = useAction('withdraw-application', (id: string, key: string) => withdrawApplication(id, key))

  const replace = <T extends { id: string }>(x: T) =>
    setData((d) => (d ? ({ ...d, items: (d.items as { id: string }[]).map((i) => (i.id === x.id ? x : i)) } as TData) : d))

  /** 撤回 after a confirm; a 409 (the other side already answered) reloads the tab. */
  const undo = async <T extends { id: string }>(
    id: string,
    modal: { title: string; content: string },
    action: { run: (id: string) => Promise<TActionResult<T>> },
    reload: TMineTab,
  ) => {
    const answer = await Taro.showModal({ ...modal, confirmText: '撤回', cancelText: '不撤回' })
    if (!answer.confirm) return
    setActing(id)
    const res = await action.run(id)
    if (res.ok) replace(res.value)
    else if ('error' in res && res.error.status === 409) void load(reload)
  }

  const onCancel = (i: TIntent) => undo(i.id, { title: '撤回意向', content: '撤回后卖家就不用回复了。确定吗？' }, cancel, 'intents')
  const onWithdraw = (a: TApplication) => undo(a.id, { title: '撤回报名', content: '撤回后招工方就看不到您的报名了。确定吗？' }, withdraw, 'applications')

  const items = data && data.tab === tab ? data : null

  return (
    <View className="page mk-mine">
      <Tabs options={TABS} value={tab} onChange={choose} testId="mine-tab" />
      <View className="gap" />
      {tab === 'listings' ? (
        <Button className="btn" type="primary" size="xlarge" block data-testid="mine-sell" onClick={() => openPage(MARKET_ROUTES.listingEdit)}>
          我要卖
        </Button>
      ) : null}
      {tab === 'jobs' ? (
        <Button className="btn" type="primary" size="xlarge" block data-testid="mine-hire" onClick={() => openPage(MARKET_ROUTES.jobEdit)}>
          我要招工
        </Button>
      ) : null}

      <ErrorNotice error={error} testId="mine-error" />
      {!items && !error ? <Text className="muted">正在加载…</Text> : null}
      {items && !items.items.length ? (
        <Text className="xyj-empty" data-testid="mine-empty">
          {
            {
              listings: '还没有卖过东西。点「我要卖」拍几张照片就能发布。',
              intents: '还没有想买的东西。到「帮我卖」里看看吧。',
              jobs: '还没有招过工。',
              applications: '还没有报过名。到「找活干」里看看吧。',
            }[items.tab]
          }
        </Text>
      ) : null}

      {items?.tab === 'listings' ? items.items.map((l) => <ListingCard key={l.id} listing={l} showState testId="my-listing" />) : null}
      {items?.tab === 'jobs' ? items.items.map((j) => <JobCard key={j.id} job={j} showState testId="my-job" />) : null}

      {items?.tab === 'intents'
        ? items.items.map((i) => (
            <View
              key={i.id}
              className={entryClass(i.state === 'pending' ? 0 : i.state === 'accepted' ? 1 : 2)}
              data-testid="my-intent"
              data-id={i.id}
              data-state={i.state}
            >
              <View className="mk-entry__head" onClick={() => openPage(listingPage(i.listing.id))}>
                <Text className="mk-entry__title">{`${i.listing.title} ${i.quantity}${i.listing.unit}`}</Text>
                <StateTag state={i.state} labels={INTENT_STATES} types={INTENT_TAG} />
              </View>
              <Text className="mk-entry__line">{`${priceText(i.listing)}，约 ${formatFen(i.quantity * i.listing.priceFen)} · 卖家 ${i.seller.name}`}</Text>
              <Text className="mk-entry__line">{`发出于 ${formatTime(i.createdAt)}`}</Text>
              {i.declineReason ? <Text className="mk-entry__line">{`婉拒原因：${i.declineReason}`}</Text> : null}
              {i.state === 'accepted' && i.sellerPhone ? <PhoneRow name={i.seller.name} phone={i.sellerPhone} testId="my-intent-seller-phone" /> : null}
              {i.state === 'pending' ? (
                <>
                  <Text className="mk-entry__line muted">卖家接受后，这里会显示卖家电话。</Text>
                  <Button
                    className="btn btn-small"
                    size="large"
                    block
                    loading={cancel.busy && acting === i.id}
                    disabled={cancel.busy}
                    data-testid="my-intent-cancel"
                    onClick={() => void onCancel(i)}
                  >
                    撤回意向
                  </Button>
                </>
              ) : null}
              {acting === i.id ? <ErrorNotice error={cancel.error} testId="my-intent-error" /> : null}
            </View>
          ))
        : null}

      {items?.tab === 'applications'
        ? items.items.map((a) => (
            <View
              key={a.id}
              className={entryClass(a.state === 'applied' ? 0 : a.state === 'accepted' ? 1 : 2)}
              data-testid="my-application"
              data-id={a.id}
              data-state={a.state}
            >
              <View className="mk-entry__head" onClick={() => openPage(jobPage(a.job.id))}>
                <Text className="mk-entry__title">{a.job.title}</Text>
                <StateTag state={a.state} labels={APPLICATION_STATES} types={APPLICATION_TAG} />
              </View>
              <Text className="mk-entry__line">{`${payText(a.job)} · 报名于 ${formatTime(a.createdAt)}`}</Text>
              {a.state === 'applied' ? (
                <Button
                  className="btn btn-small"
                  size="large"
                  block
                  loading={withdraw.busy && acting === a.id}
                  disabled={withdraw.busy}
                  data-testid="my-application-withdraw"
                  onClick={() => void onWithdraw(a)}
                >
                  撤回报名
                </Button>
              ) : null}
              {a.state === 'accepted' ? <WorkRecord application={a} side="worker" onSaved={replace} /> : null}
              {acting === a.id ? <ErrorNotice error={withdraw.error} testId="my-application-error" /> : null}
            </View>
          ))
        : null}
    </View>
  )
}
