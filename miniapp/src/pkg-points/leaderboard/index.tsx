import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { isStaff } from '../../../../shared/domain/roles'
import { memberVillages } from '../../api/me'
import { getLeaderboard, type TBoard, type TBoardBy, type TBoardResponse } from '../../api/points'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { Tabs } from '../../components/tabs'
import { openPage } from '../../lib/navigation'
import { PERIOD_LABEL, periodOf, periodText, type TPeriodChoice } from '../../lib/points'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { BoardRow, scoreText } from '../components/board-row'
import { VillageChips } from '../../components/village-chips'
import '../components/points.scss'
import './index.scss'

const BOARDS: { value: TBoard; label: string }[] = [
  { value: 'person', label: '个人' },
  { value: 'household', label: '户' },
  { value: 'courtyard', label: '院落' },
]
const PERIODS: { value: TPeriodChoice; label: string }[] = (['month', 'lastMonth', 'all'] as const).map((value) => ({ value, label: PERIOD_LABEL[value] }))
const BYS: { value: TBoardBy; label: string }[] = [
  { value: 'total', label: '总分' },
  { value: 'perHousehold', label: '户均' },
]
const WHO: Record<TBoard, string> = { person: '我', household: '我家', courtyard: '我们院' }

/** The line under 我的排名: the points earned, or why I am not on this board. */
function myScoreText(data: TBoardResponse | null, board: TBoard, by: TBoardBy, staff: boolean): string {
  if (!data) return ''
  const mine = data.me
  if (!mine) return board === 'person' ? '' : `没有登记${board === 'household' ? '户' : '院落'}`
  if (board === 'person' && staff) return '工作人员不上个人榜'
  const item = data.items.find((i) => i.id === mine.id)
  return by === 'perHousehold' && item ? `户均获得 ${scoreText(item, 'perHousehold')} 分` : `获得 ${mine.total} 分`
}

/** What every board counts (issue 14: people took it for the balance). */
function boardNote(board: TBoard): string {
  const earned = '按获得的积分排名，兑换用掉的不扣，不是积分余额。'
  return board === 'person' ? `${earned}保洁员、村干部等工作人员不上个人榜。` : earned
}

/**
 * 排行榜: 个人 / 户 / 院落, 本月 / 上月 / 总榜; the courtyard board ranks by 总分 or 户均. 我的排名
 * sits on top and my line in the list is highlighted. 大屏展示 opens the 挂榜 page.
 */
export default function LeaderboardPage() {
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const choice = useVillageChoice(me, memberVillages, { initialId: params.villageId, township: true })
  const [board, setBoard] = useState<TBoard>('person')
  const [period, setPeriod] = useState<TPeriodChoice>('month')
  const [by, setBy] = useState<TBoardBy>('total')
  const [data, setData] = useState<TBoardResponse | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)
  const generation = useRef(0)
  const effectiveBy: TBoardBy = board === 'courtyard' ? by : 'total'
  const query = { villageId: choice.villageId, board, period, by: effectiveBy }
  const queryRef = useRef(query)
  queryRef.current = query

  const load = async () => {
    const q = queryRef.current
    if (!q.villageId) return
    const gen = ++generation.current
    setLoading(true)
    try {
      const res = await getLeaderboard(q.villageId, { board: q.board, period: periodOf(q.period), by: q.by, limit: 50 })
      if (gen !== generation.current) return
      setData(res)
      setError(null)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    } finally {
      if (gen === generation.current) setLoading(false)
    }
  }

  useEffect(() => {
    setData(null)
    void load()
  }, [choice.villageId, board, period, effectiveBy])

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  const myLine = data?.me

  return (
    <View className="page leaderboard">
      <ErrorNotice error={meError ?? choice.error} testId="leaderboard-me-error" />

      {me && !choice.pending && !choice.villages.length ? (
        <Text className="muted" data-testid="leaderboard-no-village">
          加入院落后就能看到本村的积分榜。
        </Text>
      ) : null}

      <VillageChips choice={choice} testId="leaderboard-village" />

      {choice.village ? (
        <>
          <Text className="leaderboard__title">{`${choice.village.name} · ${periodText(periodOf(period))}`}</Text>
          <Tabs options={BOARDS} value={board} onChange={setBoard} testId="board-tab" />
          <Tabs options={PERIODS} value={period} onChange={setPeriod} testId="board-period" />
          {board === 'courtyard' ? <Tabs options={BYS} value={by} onChange={setBy} testId="board-by" /> : null}

          <View className="leaderboard__me" data-testid="board-me" data-rank={myLine?.rank == null ? '' : String(myLine.rank)}>
            <Text className="leaderboard__me-label">{`${WHO[board]}的排名`}</Text>
            <Text className="leaderboard__me-rank" data-testid="board-me-rank">
              {!data ? '…' : myLine?.rank ? `第 ${myLine.rank} 名` : '暂无排名'}
            </Text>
            <Text className="leaderboard__me-total">{myScoreText(data, board, effectiveBy, Boolean(me && isStaff(me.roles.map((r) => r.role))))}</Text>
          </View>
          <Text className="leaderboard__note" data-testid="board-note">
            {boardNote(board)}
          </Text>

          <ErrorNotice error={error} testId="leaderboard-error" />
          {data && !data.items.length ? (
            <Text className="xyj-empty" data-testid="leaderboard-empty">
              这段时间还没有人得分
            </Text>
          ) : null}
          {!data && loading ? <Text className="muted">正在加载…</Text> : null}
          <View className="leaderboard__list">
            {data?.items.map((item) => (
              <BoardRow key={item.id} item={item} by={effectiveBy} mine={item.id === myLine?.id} />
            ))}
          </View>

          <Button
            className="btn"
            size="xlarge"
            block
            data-testid="board-open-screen"
            onClick={() => openPage(`${ROUTES.board}?villageId=${choice.villageId}&period=${period}`)}
          >
            大屏展示（挂榜）
          </Button>
        </>
      ) : null}
    </View>
  )
}
