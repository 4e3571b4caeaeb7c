import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { cancelRedemption, getMyPoints, listMyRedemptions, REDEMPTION_STATE_LABEL, type TRedemption } from '../../api/points'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { goToLogin, openPage } from '../../lib/navigation'
import { POINTS_HINTS } from '../../lib/points-errors'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { useLoadOnShow } from '../../lib/use-load-on-show'
import { PickupCard } from '../components/pickup-card'
import { StateTag, type TTagType } from '../../components/state-tag'
import '../components/points.scss'

const TAG_TYPE: Record<TRedemption['state'], TTagType> = {
  reserved: 'warning',
  handed_over: 'success',
  cancelled: 'default',
  expired: 'default',
}

/** 待领取 first (the one just redeemed on top), then the rest, newest first. */
function ordered(items: TRedemption[], firstId?: string): TRedemption[] {
  const weight = (r: TRedemption) => (r.id === firstId ? 0 : r.state === 'reserved' ? 1 : 2)
  return [...items].sort((a, b) => weight(a) - weight(b) || b.createdAt.localeCompare(a.createdAt))
}

/**
 * 我的兑换: 待领取 ones with their pickup code (large and as a QR code) and 取消兑换; the
 * others with what became of them. The balance on top is fetched again after a cancel.
 */
export default function RedemptionsPage() {
  const { params } = useRouter()
  const [items, setItems] = useState<TRedemption[] | null>(null)
  const [balance, setBalance] = useState<number | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const generation = useRef(0)

  const load = async () => {
    if (!getToken()) return goToLogin()
    const gen = ++generation.current
    try {
      const [list, mine] = await Promise.all([listMyRedemptions(), getMyPoints(null, 1)])
      if (gen !== generation.current) return
      setItems(ordered(list.items, params.id))
      setBalance(mine.balance)
      setError(null)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  useLoadOnShow(load)

  const waiting = items?.filter((r) => r.state === 'reserved').length ?? 0

  return (
    <View className="page redemptions">
      <View className="pts-balance" data-testid="redemptions-balance" data-balance={balance === null ? '' : String(balance)}>
        <Text className="pts-balance__label">{items ? (waiting ? `${waiting} 件待领取 · 我的积分` : '我的积分') : '我的积分'}</Text>
        <Text className="pts-balance__value">{balance === null ? '—' : String(balance)}</Text>
      </View>

      <ErrorNotice error={error} testId="redemptions-error" />

      {items && !items.length ? (
        <View data-testid="redemptions-empty">
          <Text className="xyj-empty">还没有兑换过商品</Text>
          <Button className="btn" type="primary" size="xlarge" block data-testid="redemptions-go-shop" onClick={() => openPage(ROUTES.shop)}>
            去积分超市看看
          </Button>
        </View>
      ) : null}
      {items === null && !error ? <Text className="muted">正在加载…</Text> : null}

      {items?.map((r) => (
        <RedemptionItem key={r.id} item={r} onChanged={load} />
      ))}
    </View>
  )
}

function RedemptionItem({ item: r, onChanged }: { item: TRedemption; onChanged: () => Promise<void> }) {
  const cancel = useAction('cancel-redemption', (id: string, key: string) => cancelRedemption(id, key))

  const onCancel = async () => {
    const answer = await Taro.showModal({
      title: '取消兑换',
      content: `确定不要「${r.reward.name}」了吗？取消后 ${r.points} 积分会退回给您。`,
      confirmText: '取消兑换',
      cancelText: '不取消',
    })
    if (!answer.confirm) return
    const res = await cancel.run(r.id)
    if (res.ok) Taro.showToast({ title: '已取消，积分已退回', icon: 'none', duration: 2000 })
    // cancelled here, or already handed over / expired elsewhere: show the server's state
    await onChanged()
  }

  const closedText =
    r.state === 'handed_over'
      ? `领取于 ${formatTime(r.closedAt)}`
      : r.state === 'cancelled'
        ? `取消于 ${formatTime(r.closedAt)}，积分已退回`
        : r.state === 'expired'
          ? `${formatTime(r.closedAt ?? r.expiresAt)} 过期未领取，积分已退回`
          : null

  return (
    <View className={`pts-card ${r.state === 'reserved' ? '' : 'pts-card--dim'}`} data-testid="redemption-item" data-id={r.id} data-state={r.state}>
      <View className="pts-card__head">
        <Text className="pts-card__name">{r.reward.name}</Text>
        <View data-testid="redemption-state">
          <StateTag state={r.state} labels={REDEMPTION_STATE_LABEL} types={TAG_TYPE} />
        </View>
      </View>
      <Text className="pts-card__line">{`${r.points} 积分 · 兑换于 ${formatTime(r.createdAt)}`}</Text>
      {closedText ? <Text className="pts-card__line">{closedText}</Text> : null}
      {r.state === 'reserved' ? <PickupCard redemption={r} testId="redemption-pickup" /> : null}
      <ErrorNotice error={cancel.error} testId="redemption-error" hints={POINTS_HINTS} />
      {r.state === 'reserved' ? (
        <Button className="btn-small" size="large" block loading={cancel.busy} data-testid="redemption-cancel" onClick={() => void onCancel()}>
          取消兑换
        </Button>
      ) : null}
    </View>
  )
}
