import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { TMe } from '../../api/me'
import { getHouseholdPoints, type THouseholdPoints, type TLedgerItem } from '../../api/points'
import { toAppError } from '../../api/request'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { LedgerItem } from '../../components/ledger-item'
import { Button } from '../../components/nut'
import { useMe } from '../../lib/use-me'
import '../components/points.scss'
import './index.scss'

const PAGE_SIZE = 20

/**
 * 户积分: the household's total, each member's balance and the household's 明细 (whose
 * entry each line is). The person's own household unless `?householdId=` names another
 * (a head or cadre looking at one in their care; the server checks).
 */
export default function HouseholdPointsPage() {
  const { params } = useRouter()
  const [data, setData] = useState<Omit<THouseholdPoints, 'items' | 'nextCursor'> | null>(null)
  const [items, setItems] = useState<TLedgerItem[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const idRef = useRef<string | null>(params.householdId ?? null)
  const generation = useRef(0)

  const load = async (householdId: string | null) => {
    if (!householdId) return
    const gen = ++generation.current
    try {
      const page = await getHouseholdPoints(householdId, null, PAGE_SIZE)
      if (gen !== generation.current) return
      setData({ household: page.household, balance: page.balance, members: page.members })
      setItems(page.items)
      setCursor(page.nextCursor)
      setError(null)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  const onLoaded = (me: TMe) => {
    idRef.current = params.householdId ?? me.household?.id ?? null
    void load(idRef.current)
  }
  const { me, error: meError, reload } = useMe(onLoaded)

  const loadMore = async () => {
    if (!cursor || loadingMore || !idRef.current) return
    const gen = generation.current
    setLoadingMore(true)
    try {
      const page = await getHouseholdPoints(idRef.current, cursor, PAGE_SIZE)
      if (gen !== generation.current) return
      setItems((list) => {
        const have = new Set((list ?? []).map((i) => i.id))
        return [...(list ?? []), ...page.items.filter((i) => !have.has(i.id))]
      })
      setCursor(page.nextCursor)
    } catch (err) {
      setError(toAppError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void loadMore()
  })

  const noHousehold = me && !params.householdId && !me.household

  return (
    <View className="page household">
      <ErrorNotice error={meError ?? error} testId="household-error" />
      {noHousehold ? (
        <Text className="muted" data-testid="household-none">
          您还没有登记户，加入院落并通过审核后就能看到全家的积分。
        </Text>
      ) : null}

      {data ? (
        <>
          <View className="pts-balance" data-testid="household-balance" data-balance={String(data.balance)}>
            <Text className="pts-balance__label">{`${data.household.label} · 全户积分`}</Text>
            <Text className="pts-balance__value">{String(data.balance)}</Text>
          </View>
          <Section title="家庭成员" testId="household-members">
            {data.members.map((m) => (
              <View key={m.id} className="household__member" data-testid="household-member" data-id={m.id}>
                <Text className="household__member-name">{me?.person.id === m.id ? `${m.name}（我）` : m.name}</Text>
                <Text className="household__member-balance">{`${m.balance} 分`}</Text>
              </View>
            ))}
          </Section>
        </>
      ) : null}

      {data ? (
        <Section title="全户积分明细" testId="household-statement">
          {items && !items.length ? <Text className="xyj-empty">还没有积分记录</Text> : null}
          {items?.map((item) => (
            <LedgerItem key={item.id} item={item} showPerson />
          ))}
          {cursor ? (
            <Button className="btn" size="large" block loading={loadingMore} data-testid="household-more" onClick={() => void loadMore()}>
              加载更多
            </Button>
          ) : null}
        </Section>
      ) : null}
    </View>
  )
}
