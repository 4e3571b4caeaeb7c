import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { handoverVillages, memberVillages } from '../../api/me'
import { getMyPoints, listMyRedemptions } from '../../api/points'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { LedgerItem } from '../../components/ledger-item'
import { Button } from '../../components/nut'
import { openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { useCursorList } from '../../lib/use-cursor-list'
import { useMe } from '../../lib/use-me'
import { useElderMode } from '../../lib/elder-mode'
import './index.scss'

const PAGE_SIZE = 20

/**
 * 积分 (tab): the balance in big digits, the ways in (积分超市, 我的兑换, 排行榜, 户积分 — all in
 * the pkg-points subpackage) and 积分明细. Everything reloads when the tab shows, so the
 * balance is right after a redemption or a cancel on another page.
 */
export default function PointsPage() {
  const elder = useElderMode()
  const { me, error: meError } = useMe()
  const [balance, setBalance] = useState<number | null>(null)
  const [waiting, setWaiting] = useState<number | null>(null)
  const { items, error, cursor, loadingMore, loadMore } = useCursorList((cursor: string | null) => getMyPoints(cursor, PAGE_SIZE), {
    toLogin: false,
    // 待领取 is a reminder only: its failure must not hide the balance
    onRefresh: (current) =>
      void listMyRedemptions()
        .then((r) => current() && setWaiting(r.items.filter((x) => x.state === 'reserved').length))
        .catch(() => undefined),
    onPage: (page) => setBalance(page.balance),
  })

  const inVillage = me ? memberVillages(me).length > 0 : true
  const hands = me ? handoverVillages(me).length > 0 : false

  return (
    <View className={`page points ${elder.className}`}>
      <View className="points__head" data-testid="points-head">
        <Text className="points__label">我的积分</Text>
        <View className="points__balance-row">
          <Text className="points__balance" data-testid="points-balance" data-balance={balance === null ? '' : String(balance)}>
            {balance === null ? '—' : String(balance)}
          </Text>
          <Text className="points__unit">分</Text>
        </View>
        {me?.household ? <Text className="points__household">{me.household.label}</Text> : null}
      </View>

      <ErrorNotice error={meError ?? error} testId="points-error" />

      <View className="points__tiles">
        <View
          className={`points__tile ${inVillage ? '' : 'points__tile--off'}`}
          data-testid="points-shop"
          onClick={inVillage ? () => openPage(ROUTES.shop) : undefined}
        >
          <Text className="points__tile-title">积分超市</Text>
          <Text className="points__tile-desc">{inVillage ? '用积分换东西' : '加入院落后可兑换'}</Text>
        </View>
        <View className="points__tile" data-testid="points-redemptions" onClick={() => openPage(ROUTES.redemptions)}>
          <Text className="points__tile-title">我的兑换</Text>
          <Text className={`points__tile-desc ${waiting ? 'points__tile-desc--alert' : ''}`} data-testid="points-waiting">
            {waiting ? `${waiting} 件待领取` : '取货码在这里'}
          </Text>
        </View>
        <View className="points__tile" data-testid="points-leaderboard" onClick={() => openPage(ROUTES.leaderboard)}>
          <Text className="points__tile-title">排行榜</Text>
          <Text className="points__tile-desc">个人 · 户 · 院落</Text>
        </View>
        {me?.household ? (
          <View className="points__tile" data-testid="points-household" onClick={() => openPage(ROUTES.householdPoints)}>
            <Text className="points__tile-title">户积分</Text>
            <Text className="points__tile-desc">全家的积分</Text>
          </View>
        ) : null}
      </View>

      {hands ? (
        <Button className="btn" type="primary" size="xlarge" block data-testid="points-handover" onClick={() => openPage(ROUTES.handover)}>
          凭取货码发放商品
        </Button>
      ) : null}

      <Section title="积分明细" testId="points-statement">
        {items && !items.length ? (
          <Text className="xyj-empty" data-testid="points-empty">
            还没有积分记录。参加院落活动、扫码报满都能攒积分。
          </Text>
        ) : null}
        {items === null && !error ? <Text className="muted">正在加载…</Text> : null}
        {items?.map((item) => (
          <LedgerItem key={item.id} item={item} />
        ))}
        {cursor ? (
          <Button className="btn" size="large" block loading={loadingMore} data-testid="points-more" onClick={() => void loadMore()}>
            加载更多
          </Button>
        ) : items && items.length > 0 ? (
          <Text className="xyj-empty">没有更早的记录了</Text>
        ) : null}
      </Section>
    </View>
  )
}
