import { Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { memberVillages } from '../../api/me'
import { getLeaderboard, type TBoard, type TBoardBy, type TBoardResponse } from '../../api/points'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Tabs } from '../../components/tabs'
import { formatTime } from '../../lib/format'
import { PERIOD_LABEL, periodOf, periodText, type TPeriodChoice } from '../../lib/points'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { BOARD_LABEL, scoreText } from '../components/board-row'
import './index.scss'

/** The board refreshes itself this often while it is on screen. */
export const BOARD_REFRESH_MS = 60_000
const TOP = 10
const BOARDS: TBoard[] = ['person', 'household', 'courtyard']
const PERIODS: { value: TPeriodChoice; label: string }[] = (['month', 'lastMonth', 'all'] as const).map((value) => ({ value, label: PERIOD_LABEL[value] }))
const BYS: { value: TBoardBy; label: string }[] = [
  { value: 'total', label: '院落按总分' },
  { value: 'perHousehold', label: '院落按户均' },
]

type TBoards = Record<TBoard, TBoardResponse | null>

/**
 * 挂榜晾晒: what the village publishes on a big screen (the H5 build in a browser). Top 10 of
 * the person, household and courtyard boards side by side from 1280px wide, large type, high
 * contrast, refreshed every minute. `?villageId=&period=month|lastMonth|all&by=total|perHousehold`.
 */
export default function BoardScreenPage() {
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const choice = useVillageChoice(me, memberVillages, { initialId: params.villageId, township: true })
  const villageId = params.villageId ?? choice.villageId
  const villageName = choice.villages.find((v) => v.id === villageId)?.name ?? ''
  const [period, setPeriod] = useState<TPeriodChoice>(params.period && params.period in PERIOD_LABEL ? (params.period as TPeriodChoice) : 'month')
  const [by, setBy] = useState<TBoardBy>(params.by === 'perHousehold' ? 'perHousehold' : 'total')
  const [boards, setBoards] = useState<TBoards>({ person: null, household: null, courtyard: null })
  const [updatedAt, setUpdatedAt] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const state = useRef({ villageId, period, by, visible: true, generation: 0 })
  Object.assign(state.current, { villageId, period, by })

  const load = async () => {
    const { villageId: id, period: p, by: b } = state.current
    if (!id) return
    const gen = ++state.current.generation
    try {
      const [person, household, courtyard] = await Promise.all(
        BOARDS.map((board) => getLeaderboard(id, { board, period: periodOf(p), by: board === 'courtyard' ? b : 'total', limit: TOP })),
      )
      if (gen !== state.current.generation) return
      setBoards({ person, household, courtyard })
      setUpdatedAt(new Date().toISOString())
      setError(null)
    } catch (err) {
      // keep showing the last good board; the next tick tries again
      if (gen === state.current.generation) setError(toAppError(err))
    }
  }

  useEffect(() => {
    void load()
  }, [villageId, period, by])

  useEffect(() => {
    const timer = setInterval(() => {
      if (state.current.visible) void load()
    }, BOARD_REFRESH_MS)
    return () => clearInterval(timer)
  }, [])
  useDidShow(() => {
    state.current.visible = true
  })
  useDidHide(() => {
    state.current.visible = false
  })

  return (
    <View className="screen" data-testid="screen">
      <View className="screen__head">
        <View className="screen__titles">
          <Text className="screen__title" data-testid="screen-title">{`${villageName || '本村'} 积分榜`}</Text>
          <Text className="screen__period">{`${periodText(periodOf(period))} · 按获得的积分排名（不是余额） · 挂榜晾晒`}</Text>
        </View>
        <Text className="screen__updated" data-testid="screen-updated" data-updated={updatedAt ?? ''}>
          {updatedAt ? `更新于 ${formatTime(updatedAt)}，每分钟自动刷新` : '正在加载…'}
        </Text>
      </View>

      <View className="screen__controls">
        <Tabs options={PERIODS} value={period} onChange={setPeriod} testId="screen-period" />
        <Tabs options={BYS} value={by} onChange={setBy} testId="screen-by" />
      </View>

      <ErrorNotice error={meError ?? choice.error ?? error} testId="screen-error" />

      <View className="screen__boards">
        {BOARDS.map((board) => {
          const data = boards[board]
          const scoreBy: TBoardBy = board === 'courtyard' ? by : 'total'
          return (
            <View key={board} className="screen__board" data-testid={`screen-board-${board}`}>
              <Text className="screen__board-title">
                {board === 'courtyard' && by === 'perHousehold' ? `${BOARD_LABEL[board]}（户均）` : BOARD_LABEL[board]}
              </Text>
              {data && !data.items.length ? <Text className="screen__empty">暂无得分</Text> : null}
              {data?.items.map((item) => (
                <View key={item.id} className="screen__row" data-testid="screen-item" data-rank={String(item.rank)}>
                  <Text className={`screen__rank ${item.rank <= 3 ? 'screen__rank--top' : ''}`}>{String(item.rank)}</Text>
                  <Text className="screen__name">{item.name}</Text>
                  <Text className="screen__score">{scoreText(item, scoreBy)}</Text>
                </View>
              ))}
            </View>
          )
        })}
      </View>
    </View>
  )
}
