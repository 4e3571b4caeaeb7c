import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { roleLabel } from '../../../../shared/domain/roles'
import { cadreVillages, headedCourtyards, isVillager, roleVillages, staffTownships, type TMe } from '../../api/me'
import { listMine, type TJoinRequest } from '../../api/join-requests'
import { BinReportCard, CleanerTasksCard } from '../../components/bin-cards'
import { EntryCard } from '../../components/card'
import { JoinRequestsCard, OpenBinsCard, PickupsCard, TownshipVillagesCard, VillageFiguresCard } from '../../components/home-cards'
import { MarketCard, MarketReviewCard } from '../../components/market-cards'
import { AskHeadCard, RequestQueueCard } from '../../components/request-cards'
import { SosCard } from '../../components/sos-card'
import { Tabs } from '../../components/tabs'
import { ErrorNotice } from '../../components/error-notice'
import { ElderHome, showsElderHome } from '../../components/elder-home'
import { useElderMode } from '../../lib/elder-mode'
import { chooseHome, HOME_LABELS, HOME_ROLE, homesOf, type THomeKind } from '../../lib/home-choice'
import { rememberedHome, rememberHome } from '../../lib/home-storage'
import { openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
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

/** Under the greeting: where a villager lives; on a 工作台, the role and where it serves. */
function subtitle(me: TMe, home: THomeKind): string {
  if (home === 'villager') return me.courtyard ? `${me.village?.name ?? ''} · ${me.courtyard.name}` : '您还没有加入院落'
  const role = HOME_ROLE[home]
  const places = me.roles.filter((r) => r.role === role).map((r) => r.scopeName)
  return `${roleLabel(role)} · ${[...new Set(places)].join('、')}`
}

/**
 * 首页. Each role has its own home (工作台) with its work first; a person with several roles
 * switches between them at the top (remembered on the phone; the work home by default). The
 * villager home is the one with 找院长, 扫码报满 and 帮我卖, and 加入院落 for someone not in a
 * courtyard yet; staff-only people never see it. 一键呼叫 and 消息 are on every home.
 */
export default function HomePage() {
  const [myRequest, setMyRequest] = useState<TJoinRequest | null>(null)
  const [picked, setPicked] = useState<string | null>(null)
  // pull-down remounts the cards that load their own figures
  const [tick, setTick] = useState(0)

  const onLoaded = (me: TMe) => {
    setPicked(rememberedHome(me.person.id))
    if (!isVillager(me) && homesOf(me.roles.map((r) => r.role)).includes('villager')) void loadMine()
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

  const { me, error, reload } = useMe(onLoaded)
  const unread = useUnread()
  const elder = useElderMode()

  usePullDownRefresh(async () => {
    setTick((t) => t + 1)
    await Promise.all([reload(), refreshUnread()])
    Taro.stopPullDownRefresh()
  })

  const homes = me ? homesOf(me.roles.map((r) => r.role)) : []
  const home = chooseHome(homes, picked)
  const pick = (h: THomeKind) => {
    setPicked(h)
    if (me) rememberHome(me.person.id, h)
  }

  const inbox = me ? (
    <EntryCard
      title="消息"
      badge={unread ?? undefined}
      desc={<Text data-testid="home-inbox-text">{unread ? `有 ${unread} 条未读消息` : unread === 0 ? '没有未读消息' : '院长和村里发给您的消息'}</Text>}
      testId="home-inbox"
      onClick={() => openPage(ROUTES.inbox)}
    />
  ) : null

  if (me && elder.on && showsElderHome(me)) return <ElderHome me={me} unread={unread} tick={tick} className={elder.className} />
  return (
    <View className={`page home ${elder.className}`} data-testid="home" data-home={me ? home : ''}>
      <View className="home__greeting" data-testid="home-greeting">
        <Text className="page-title">{me ? `${greeting()}，${me.person.name}` : '小院家'}</Text>
        <Text className="page-subtitle" data-testid="home-courtyard">
          {me ? subtitle(me, home) : '正在加载…'}
        </Text>
      </View>

      {me && homes.length > 1 ? (
        <Tabs options={homes.map((h) => ({ value: h, label: HOME_LABELS[h] }))} value={home} onChange={pick} testId="home-switch" />
      ) : null}

      <ErrorNotice error={error} testId="home-error" />

      {me ? <SosCard key={`sos-${tick}`} me={me} /> : null}

      {me && home === 'villager' ? (
        <>
          {inbox}
          {me.courtyard ? <AskHeadCard /> : null}
          {!isVillager(me) ? (
            <EntryCard
              title="加入院落"
              desc={myRequest ? `您申请加入${myRequest.courtyard.name}，正在等待院长审核` : '扫院落二维码或输入邀请码，填写家庭信息'}
              testId="home-join"
              onClick={() => openPage(ROUTES.join)}
            />
          ) : null}
          <BinReportCard />
          <MarketCard />
        </>
      ) : null}

      {me && home !== 'villager' ? (
        <View className="home__work" data-testid={`home-work-${home}`} key={`${home}-${tick}`}>
          <WorkCards me={me} home={home} />
          {inbox}
        </View>
      ) : null}
    </View>
  )
}

/** A 工作台's cards, the most pressing first. */
function WorkCards({ me, home }: { me: TMe; home: Exclude<THomeKind, 'villager'> }) {
  if (home === 'cleaner') return <CleanerTasksCard preview={3} />
  if (home === 'clerk') {
    const villages = roleVillages(me, ['shopkeeper'])
    return (
      <>
        {villages.map((v) => (
          <PickupsCard key={v.id} village={v} many={villages.length > 1} />
        ))}
      </>
    )
  }
  if (home === 'head')
    return (
      <>
        <RequestQueueCard preview={3} />
        <JoinRequestsCard courtyards={headedCourtyards(me)} />
        <MarketReviewCard />
      </>
    )
  if (home === 'cadre') {
    const villages = cadreVillages(me)
    const many = villages.length > 1
    return (
      <>
        <RequestQueueCard preview={3} />
        {villages.map((v) => (
          <OpenBinsCard key={`bins-${v.id}`} village={v} many={many} />
        ))}
        <MarketReviewCard />
        {villages.map((v) => (
          <VillageFiguresCard key={`figures-${v.id}`} village={v} many={many} />
        ))}
      </>
    )
  }
  return (
    <>
      <RequestQueueCard preview={3} />
      {staffTownships(me).map((t) => (
        <TownshipVillagesCard key={t.id} township={t} />
      ))}
    </>
  )
}
