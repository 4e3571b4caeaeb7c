import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { headedCourtyards, isCleaner, isVillager, type TMe } from '../../api/me'
import { listForCourtyard, listMine, type TJoinRequest } from '../../api/join-requests'
import { BinReportCard, CleanerTasksCard } from '../../components/bin-cards'
import { EntryCard } from '../../components/card'
import { MarketCard, MarketReviewCard } from '../../components/market-cards'
import { AskHeadCard, RequestQueueCard } from '../../components/request-cards'
import { SosCard } from '../../components/sos-card'
import { ErrorNotice } from '../../components/error-notice'
import { openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { reviewsMarket } from '../../lib/market-roles'
import { handlesRequests } from '../../lib/request-roles'
import { refreshUnread, useUnread } from '../../lib/unread'
import { useMe } from '../../lib/use-me'
import './index.scss'

function greeting(now = new Date()): string {
  const h = now.getHours()
  if (h < 11) return '早上好'
  if (h < 14) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}

export default function HomePage() {
  const [pending, setPending] = useState<number | null>(null)
  const [myRequest, setMyRequest] = useState<TJoinRequest | null>(null)
  // pull-down remounts the cards that load their own figures (一键呼叫, 待办事项)
  const [tick, setTick] = useState(0)

  const onLoaded = (me: TMe) => {
    void loadPending(me)
    if (!isVillager(me)) void loadMine()
  }

  // Someone who has applied sees that it is waiting, not another "join" invitation.
  const loadMine = async () => {
    try {
      const { items } = await listMine()
      setMyRequest(items.find((r) => r.state === 'pending') ?? null)
    } catch {
      setMyRequest(null)
    }
  }

  const loadPending = async (me: TMe) => {
    const courtyards = headedCourtyards(me)
    if (!courtyards.length) return setPending(null)
    try {
      const lists = await Promise.all(courtyards.map((c) => listForCourtyard(c.id, 'pending')))
      setPending(lists.reduce((n, l) => n + l.items.length, 0))
    } catch {
      setPending(null) // the count is a hint; the list page shows the real error
    }
  }

  const { me, error, reload } = useMe(onLoaded)
  const unread = useUnread()

  usePullDownRefresh(async () => {
    setTick((t) => t + 1)
    await Promise.all([reload(), refreshUnread()])
    Taro.stopPullDownRefresh()
  })

  const heads = me ? headedCourtyards(me) : []
  const place = me?.courtyard ? `${me.village?.name ?? ''} · ${me.courtyard.name}` : null

  return (
    <View className="page home">
      <View className="home__greeting" data-testid="home-greeting">
        <Text className="page-title">{me ? `${greeting()}，${me.person.name}` : '小院家'}</Text>
        <Text className="page-subtitle" data-testid="home-courtyard">
          {me ? (place ?? '您还没有加入院落') : '正在加载…'}
        </Text>
      </View>

      <ErrorNotice error={error} testId="home-error" />

      {me ? <SosCard key={`sos-${tick}`} me={me} /> : null}

      {me ? (
        <EntryCard
          title="消息"
          badge={unread ?? undefined}
          desc={<Text data-testid="home-inbox-text">{unread ? `有 ${unread} 条未读消息` : unread === 0 ? '没有未读消息' : '院长和村里发给您的消息'}</Text>}
          testId="home-inbox"
          onClick={() => openPage(ROUTES.inbox)}
        />
      ) : null}

      {me && handlesRequests(me) ? <RequestQueueCard key={`queue-${tick}`} /> : null}
      {me?.courtyard ? <AskHeadCard /> : null}

      {me && isCleaner(me) ? <CleanerTasksCard /> : null}

      {me && !isVillager(me) ? (
        <EntryCard
          title="加入院落"
          desc={myRequest ? `您申请加入${myRequest.courtyard.name}，正在等待院长审核` : '扫院落二维码或输入邀请码，填写家庭信息'}
          testId="home-join"
          onClick={() => openPage(ROUTES.join)}
        />
      ) : null}

      {heads.length ? (
        <EntryCard
          title="入院申请"
          badge={pending ?? undefined}
          desc={
            <Text data-testid="home-requests-count">
              {pending === null ? '查看并审核村民的入院申请' : pending > 0 ? `有 ${pending} 份申请等您审核` : '暂无待审核的申请'}
            </Text>
          }
          testId="home-requests"
          onClick={() => openPage(ROUTES.requests)}
        />
      ) : null}

      {me && reviewsMarket(me) ? <MarketReviewCard key={`market-review-${tick}`} /> : null}

      <BinReportCard />
      <MarketCard />
    </View>
  )
}
