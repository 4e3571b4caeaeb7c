import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { adminVillages, staffTownships } from '../../api/me'
import { townshipRequestStats, villageRequestStats, type TRequestFigures } from '../../api/requests'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { useMe } from '../../lib/use-me'
import { useFigures } from '../../lib/use-figures'
import { useVillageChoice } from '../../lib/use-village-choice'
import { hoursText, percentText, satisfactionText } from '../components/labels'
import '../components/request.scss'

const PERIODS = [7, 30, 90, 365]

type TScope = { kind: 'village' | 'township'; id: string; name: string }
type TRow = TRequestFigures & { id: string; name: string }
type TStats = { days: number; whole: TRequestFigures; rows: TRow[] }

function Tile({ name, value, bad, testId }: { name: string; value: string; bad?: boolean; testId: string }) {
  return (
    <View className="req-tile">
      <View className="req-tile__box">
        <Text className={`req-tile__value ${bad ? 'req-tile__value--bad' : ''}`} data-testid={testId}>
          {value}
        </Text>
        <Text className="req-tile__name">{name}</Text>
      </View>
    </View>
  )
}

/** A village's figures by courtyard, or a township's by village, in one shape. */
/**
 * One courtyard's (or village's) figures, each with its name: a card of label–value pairs on a
 * phone (seven bare columns ran into each other at 375 px: 「0100%」), the table's columns on a
 * desktop, where the names sit in the head row instead.
 */
function figuresOf(r: TRow): [label: string, value: string, bad?: boolean][] {
  return [
    ['事项', String(r.total)],
    ['未办结', String(r.open)],
    ['超时', String(r.overdue), r.overdue > 0],
    ['办结率', r.total ? percentText(r.resolutionRate) : '—'],
    ['受理', hoursText(r.medianHoursToAccept)],
    ['办结', hoursText(r.medianHoursToResolve)],
    ['满意度', satisfactionText(r.satisfaction)],
  ]
}

function statsOf(scope: TScope, days: number): Promise<TStats> {
  return scope.kind === 'township'
    ? townshipRequestStats(scope.id, days).then((r) => ({ days: r.days, whole: r.township, rows: r.villages }))
    : villageRequestStats(scope.id, days).then((r) => ({ days: r.days, whole: r.village, rows: r.courtyards }))
}

/**
 * 找院长统计 (村干部, 镇街管理员; also on a desktop through the H5 build): open, overdue,
 * escalated, resolution rate, median hours to accept and to resolve, satisfaction — for a
 * village by courtyard (`?villageId=`) or for a township by village (`?townshipId=`).
 */
export default function RequestStatsPage() {
  const { params } = useRouter()
  const { me, error: meError, reload } = useMe()
  const choice = useVillageChoice(me, adminVillages, { initialId: params.villageId, township: true })
  const townships = me ? staffTownships(me) : []
  const [townshipId, setTownshipId] = useState<string | null>(params.townshipId ?? null)
  // ?villageId= opens a village; otherwise township staff start with their township's villages
  const [mode, setMode] = useState<'township' | 'village'>(params.villageId ? 'village' : 'township')
  const [days, setDays] = useState(30)

  const township = mode === 'village' ? undefined : (townships.find((t) => t.id === townshipId) ?? townships[0])
  const scope: TScope | null = township
    ? { kind: 'township', id: township.id, name: township.name }
    : choice.village
      ? { kind: 'village', id: choice.village.id, name: choice.village.name }
      : null

  const { figures: stats, error, loading } = useFigures(scope ? { key: `${scope.kind}:${scope.id}:${days}`, fetch: () => statsOf(scope, days) } : null, reload)

  const pickVillage = (id: string) => {
    setMode('village')
    choice.choose(id)
  }
  const pickTownship = (id: string) => {
    setMode('township')
    setTownshipId(id)
  }

  const w = stats?.whole
  const rows = [...(stats?.rows ?? [])].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'))
  const unit = scope?.kind === 'township' ? '村' : '院落'

  return (
    <View className="page req-desk req-stats">
      <ErrorNotice error={meError ?? choice.error} testId="request-stats-me-error" />
      {me && !choice.villages.length && !townships.length && !choice.pending ? (
        <Text className="muted" data-testid="request-stats-none">
          村干部和镇街管理员可以在这里看找院长的办理情况。
        </Text>
      ) : null}
      <Text className="page-title">{scope ? `${scope.name} · 找院长统计` : '找院长统计'}</Text>

      {townships.length + choice.villages.length > 1 ? (
        <View className="chips" data-testid="request-stats-scopes">
          {townships.map((t) => (
            <Text
              key={t.id}
              className={`chip ${scope?.kind === 'township' && scope.id === t.id ? 'chip--on' : ''}`}
              data-testid={`request-stats-township-${t.id}`}
              onClick={() => pickTownship(t.id)}
            >
              {`${t.name}（各村）`}
            </Text>
          ))}
          {choice.villages.map((v) => (
            <Text
              key={v.id}
              className={`chip ${scope?.kind === 'village' && scope.id === v.id ? 'chip--on' : ''}`}
              data-testid={`request-stats-village-${v.id}`}
              onClick={() => pickVillage(v.id)}
            >
              {v.name}
            </Text>
          ))}
        </View>
      ) : null}

      <View className="chips">
        {PERIODS.map((d) => (
          <Text key={d} className={`chip ${days === d ? 'chip--on' : ''}`} data-testid={`request-stats-days-${d}`} onClick={() => setDays(d)}>
            {d === 365 ? '一年' : `近 ${d} 天`}
          </Text>
        ))}
      </View>

      <ErrorNotice error={error} testId="request-stats-error" />
      {!stats && loading ? <Text className="muted">正在加载…</Text> : null}

      {w && stats ? (
        <>
          <View className="req-tiles" data-testid="request-stats">
            <Tile name={`共 ${w.total} 件 · 未办结`} value={`${w.open} 件`} testId="request-stats-open" />
            <Tile name="超时" value={`${w.overdue} 件`} bad={w.overdue > 0} testId="request-stats-overdue" />
            <Tile name="转给村里、镇街" value={`${w.escalated} 件`} testId="request-stats-escalated" />
            <Tile name={`办结率（办结 ${w.resolved} 件）`} value={percentText(w.resolutionRate)} testId="request-stats-rate" />
            <Tile name="受理用时（中位数）" value={hoursText(w.medianHoursToAccept)} testId="request-stats-accept" />
            <Tile name="办结用时（中位数）" value={hoursText(w.medianHoursToResolve)} testId="request-stats-resolve" />
            <Tile name={`满意度（${w.ratings} 人评价）`} value={satisfactionText(w.satisfaction)} testId="request-stats-satisfaction" />
          </View>

          <Section title={`各${unit}情况（超时多的在前）`} testId="request-stats-table">
            {rows.length ? (
              <View className="req-table">
                <View className="req-table__row req-table__row--head">
                  <Text className="req-table__cell req-table__cell--name">{unit}</Text>
                  <Text className="req-table__cell">事项</Text>
                  <Text className="req-table__cell">未办结</Text>
                  <Text className="req-table__cell">超时</Text>
                  <Text className="req-table__cell">办结率</Text>
                  <Text className="req-table__cell">受理</Text>
                  <Text className="req-table__cell">办结</Text>
                  <Text className="req-table__cell">满意度</Text>
                </View>
                {rows.map((r) => (
                  <View key={r.id} className="req-table__row" data-testid="request-stats-row" data-id={r.id} data-name={r.name}>
                    <Text className="req-table__cell req-table__cell--name">{r.name}</Text>
                    {figuresOf(r).map(([label, value, bad]) => (
                      <View key={label} className={`req-table__cell ${bad ? 'req-table__cell--bad' : ''}`}>
                        <Text className="req-table__label">{label}</Text>
                        <Text className="req-table__value">{value}</Text>
                      </View>
                    ))}
                  </View>
                ))}
              </View>
            ) : (
              <Text className="muted" data-testid="request-stats-empty">
                这段时间没有事项。
              </Text>
            )}
          </Section>
        </>
      ) : null}
    </View>
  )
}
