import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { getBinStats } from '../../api/bins'
import { adminVillages } from '../../api/me'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { useMe } from '../../lib/use-me'
import { useFigures } from '../../lib/use-figures'
import { useVillageChoice } from '../../lib/use-village-choice'
import { VillageChips } from '../../components/village-chips'
import '../bins-shared/bins.scss'

const PERIODS = [7, 30, 90, 365]

function minutesText(m: number | null): string {
  if (m === null) return '—'
  if (m < 60) return `${Math.round(m)} 分钟`
  return `${(m / 60).toFixed(1)} 小时`
}

function kmText(m: number): string {
  return `${(m / 1000).toFixed(1)} 公里`
}

function Tile({ name, value, testId }: { name: string; value: string; testId: string }) {
  return (
    <View className="bins-tile">
      <View className="bins-tile__box">
        <Text className="bins-tile__value" data-testid={testId}>
          {value}
        </Text>
        <Text className="bins-tile__name">{name}</Text>
      </View>
    </View>
  )
}

/**
 * 爱环境统计 (村干部, 镇街管理员): reports, cleaned, false-report rate and median time to clean
 * over the last N days, the bins that fill most often, and the distance saved by driving
 * only to reported bins instead of past every bin.
 */
export default function BinStatsPage() {
  const { params } = useRouter()
  const { me, error: meError, reload } = useMe()
  const choice = useVillageChoice(me, adminVillages, { initialId: params.villageId, township: true })
  const villageId = choice.villageId
  const [days, setDays] = useState(30)
  const { figures: stats, error, loading } = useFigures(villageId ? { key: `${villageId}:${days}`, fetch: () => getBinStats(villageId, days) } : null, reload)

  const s = stats?.village
  const bins = [...(stats?.bins ?? [])].filter((b) => b.reports > 0).sort((a, b) => b.reports - a.reports || a.label.localeCompare(b.label, 'zh-CN'))

  return (
    <View className="page bins-page">
      <ErrorNotice error={meError ?? choice.error} testId="bin-stats-me-error" />
      <Text className="page-title">{`${choice.village?.name ?? ''} 爱环境统计`}</Text>
      <VillageChips choice={choice} testId="bins-village" />
      <View className="chips">
        {PERIODS.map((d) => (
          <Text key={d} className={`chip ${days === d ? 'chip--on' : ''}`} data-testid={`bin-stats-days-${d}`} onClick={() => setDays(d)}>
            {d === 365 ? '一年' : `近 ${d} 天`}
          </Text>
        ))}
      </View>

      <ErrorNotice error={error} testId="bin-stats-error" />
      {!stats && loading ? <Text className="muted">正在加载…</Text> : null}

      {s && stats ? (
        <>
          <View className="bins-tiles">
            <Tile name="报满" value={`${s.reports} 次`} testId="bin-stats-reports" />
            <Tile name="已清运" value={`${s.cleaned} 次`} testId="bin-stats-cleaned" />
            <Tile name={`误报 ${s.falseReports} 次`} value={`${(s.falseRate * 100).toFixed(1)}%`} testId="bin-stats-false-rate" />
            <Tile name="从报满到清运（中位数）" value={minutesText(s.medianMinutesToClean)} testId="bin-stats-median" />
          </View>

          <Section title="节省的路程（估算）" testId="bin-stats-distance">
            {stats.distance.days ? (
              <Text className="bins-hint">
                {`有清运的 ${stats.distance.days} 天里：每天跑遍所有在用的桶约 ${kmText(stats.distance.visitAllMeters)}，按报满路线只去满了的桶约 ${kmText(stats.distance.routedMeters)}，`}
                <Text data-testid="bin-stats-saved">{`节省 ${stats.distance.savedPercent}%`}</Text>。
              </Text>
            ) : (
              <Text className="bins-hint" data-testid="bin-stats-saved">
                这段时间还没有清运记录。
              </Text>
            )}
          </Section>

          <Section title="各桶情况（按报满次数）" testId="bin-stats-bins">
            {bins.length ? (
              <View className="bins-table">
                <View className="bins-table__row bins-table__row--head">
                  <Text className="bins-table__cell bins-table__cell--name">编号</Text>
                  <Text className="bins-table__cell">报满</Text>
                  <Text className="bins-table__cell">清运</Text>
                  <Text className="bins-table__cell">误报</Text>
                  <Text className="bins-table__cell">用时中位数</Text>
                </View>
                {bins.map((b) => (
                  <View key={b.id} className="bins-table__row" data-testid="bin-stats-row" data-label={b.label}>
                    <Text className="bins-table__cell bins-table__cell--name">{b.label}</Text>
                    <Text className="bins-table__cell">{b.reports}</Text>
                    <Text className="bins-table__cell">{b.cleaned}</Text>
                    <Text className="bins-table__cell">{b.falseReports}</Text>
                    <Text className="bins-table__cell">{minutesText(b.medianMinutesToClean)}</Text>
                  </View>
                ))}
              </View>
            ) : (
              <Text className="muted" data-testid="bin-stats-no-reports">
                这段时间没有报满。
              </Text>
            )}
          </Section>
        </>
      ) : null}
    </View>
  )
}
