import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { memberVillages } from '../../api/me'
import { getMyPoints, listRewards, redeem, type TRedemption, type TReward } from '../../api/points'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatDate } from '../../lib/format'
import { openPage } from '../../lib/navigation'
import { POINTS_HINTS } from '../../lib/points-errors'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { PickupCard } from '../components/pickup-card'
import { VillageChips } from '../../components/village-chips'
import { useElderMode } from '../../lib/elder-mode'
import '../components/points.scss'

/** Why a reward cannot be redeemed right now, or null when it can. */
function blocked(r: TReward, balance: number | null): string | null {
  if (!r.open) return '暂停兑换'
  if (r.stock <= 0) return '已兑完'
  if (balance !== null && balance < r.price) return '积分不够'
  return null
}

/**
 * 积分超市: the village's rewards with price and stock. 兑换 asks once, then shows the pickup
 * code large and as a QR code. Balance and stock are fetched again after every attempt, so
 * what the page shows is what the server has.
 */
export default function ShopPage() {
  const elder = useElderMode()
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const choice = useVillageChoice(me, memberVillages, { initialId: params.villageId })
  const [rewards, setRewards] = useState<TReward[] | null>(null)
  const [balance, setBalance] = useState<number | null>(null)
  const [listError, setListError] = useState<AppError | null>(null)
  const [result, setResult] = useState<TRedemption | null>(null)
  const [tried, setTried] = useState<string | null>(null)
  const villageRef = useRef<string | null>(null)
  villageRef.current = choice.villageId
  const generation = useRef(0)

  const load = async (villageId: string | null) => {
    if (!villageId) return
    const gen = ++generation.current
    try {
      const [list, mine] = await Promise.all([listRewards(villageId), getMyPoints(null, 1)])
      if (gen !== generation.current) return
      setRewards(list.items.filter((r) => r.active))
      setBalance(mine.balance)
      setListError(null)
    } catch (err) {
      if (gen === generation.current) setListError(toAppError(err))
    }
  }

  useEffect(() => {
    setRewards(null)
    void load(choice.villageId)
  }, [choice.villageId])

  // the first show is the mount, which the effect above covers
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load(villageRef.current)
    shown.current = true
  })
  usePullDownRefresh(async () => {
    await load(villageRef.current)
    Taro.stopPullDownRefresh()
  })

  const redeemAction = useAction('redeem', (rewardId: string, key: string) => redeem(rewardId, key))

  const onRedeem = async (r: TReward) => {
    const answer = await Taro.showModal({
      title: '确认兑换',
      content: `用 ${r.price} 积分兑换「${r.name}」？兑换后凭取货码到积分超市领取。`,
      confirmText: '兑换',
      cancelText: '再想想',
    })
    if (!answer.confirm) return
    setTried(r.id)
    const res = await redeemAction.run(r.id)
    if (res.ok) setResult(res.value)
    // success or refusal, the balance and the stock have moved (or were not what we showed)
    await load(villageRef.current)
  }

  const noVillage = me && !choice.pending && !choice.villages.length

  return (
    <View className={`page shop ${elder.className}`}>
      <ErrorNotice error={meError ?? choice.error} testId="shop-me-error" />

      {noVillage ? (
        <Text className="muted" data-testid="shop-no-village">
          您还没有加入村里的院落，加入并通过审核后就可以用积分兑换了。
        </Text>
      ) : null}

      <VillageChips choice={choice} testId="shop-village" />

      {choice.village ? (
        <View className="pts-balance" data-testid="shop-balance" data-balance={balance === null ? '' : String(balance)}>
          <Text className="pts-balance__label">{`${choice.village.name} · 我的积分`}</Text>
          <Text className="pts-balance__value">{balance === null ? '—' : String(balance)}</Text>
        </View>
      ) : null}

      <ErrorNotice error={listError} testId="shop-error" hints={POINTS_HINTS} />

      {rewards && !rewards.length ? (
        <Text className="xyj-empty" data-testid="shop-empty">
          积分超市还没有上架商品
        </Text>
      ) : null}
      {!rewards && !listError && choice.villageId ? <Text className="muted">正在加载…</Text> : null}

      {rewards?.map((r) => {
        const why = blocked(r, balance)
        return (
          <View
            key={r.id}
            className={`pts-card ${why ? 'pts-card--dim' : ''}`}
            data-testid="reward-item"
            data-id={r.id}
            data-name={r.name}
            data-stock={String(r.stock)}
          >
            <View className="pts-card__head">
              {r.pictureUrl ? (
                <Image className="pts-card__picture" src={r.pictureUrl} mode="aspectFill" nativeProps={{ alt: '' }} data-testid="reward-picture" />
              ) : null}
              <Text className="pts-card__name">{r.name}</Text>
              <Text className="pts-card__price" data-testid="reward-price">{`${r.price} 积分`}</Text>
            </View>
            <Text className="pts-card__line" data-testid="reward-stock">
              {r.stock > 0 ? `还剩 ${r.stock} 件` : '已兑完'}
            </Text>
            {r.perPersonLimit ? <Text className="pts-card__line">{`每人限换 ${r.perPersonLimit} 件`}</Text> : null}
            {r.endsAt ? <Text className="pts-card__line">{`${formatDate(r.endsAt)} 截止`}</Text> : null}
            {why === '积分不够' && balance !== null ? <Text className="pts-card__line pts-card__line--warn">{`还差 ${r.price - balance} 积分`}</Text> : null}
            {tried === r.id ? <ErrorNotice error={redeemAction.error} testId="redeem-error" hints={POINTS_HINTS} /> : null}
            <View className="pts-card__actions">
              <Button
                className="btn-small"
                type="primary"
                size="large"
                block
                disabled={Boolean(why) || (redeemAction.busy && tried !== r.id)}
                loading={redeemAction.busy && tried === r.id}
                data-testid="reward-redeem"
                onClick={() => void onRedeem(r)}
              >
                {why ?? '兑换'}
              </Button>
            </View>
          </View>
        )
      })}

      {result ? (
        <View className="pts-overlay" data-testid="redeem-result" data-id={result.id}>
          <View className="pts-overlay__box">
            <Text className="pts-overlay__title">兑换成功</Text>
            <Text className="pts-overlay__sub">{`「${result.reward.name}」· 用了 ${result.points} 积分`}</Text>
            <PickupCard redemption={result} testId="redeem-pickup" />
            <Button
              className="btn"
              type="primary"
              size="xlarge"
              block
              data-testid="redeem-view-mine"
              onClick={() => {
                setResult(null)
                openPage(`${ROUTES.redemptions}?id=${result.id}`)
              }}
            >
              查看我的兑换
            </Button>
            <Button className="btn" size="xlarge" block data-testid="redeem-close" onClick={() => setResult(null)}>
              继续逛
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}
