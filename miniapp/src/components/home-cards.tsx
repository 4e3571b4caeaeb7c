import { Text, View } from '@tarojs/components'
import { BIN_KINDS } from '../../../shared/domain/bin-report'
import { listVillageOpenBins, type TOpenBins } from '../api/bins'
import { listForCourtyard } from '../api/join-requests'
import type { TPlace } from '../api/me'
import { listVillageRedemptions, type TRedemption } from '../api/points'
import { townshipRequestStats, villageRequestStats, type TRequestFigures, type TTownshipRequestStats } from '../api/requests'
import { BIN_ROUTES } from '../lib/bin-routes'
import { openPage } from '../lib/navigation'
import { REQUEST_ROUTES } from '../lib/request-routes'
import { ROUTES } from '../lib/routes'
import { useHint } from '../lib/use-hint'
import { EntryCard } from './card'
import { PreviewRow } from './preview-row'

// 首页 工作台 cards (issue 14): each role's work first, each figure a hint (lib/use-hint.ts).

const percent = (rate: number) => `${Math.round(rate * 100)}%`

/** 院长 · 入院申请: how many wait in the courtyards they head. */
export function JoinRequestsCard({ courtyards }: { courtyards: TPlace[] }) {
  const pending = useHint(async () => {
    const lists = await Promise.all(courtyards.map((c) => listForCourtyard(c.id, 'pending')))
    return lists.reduce((n, l) => n + l.items.length, 0)
  })
  return (
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
  )
}

/** 村干部 · 待清运: the village's bins reported full and not cleaned, overdue first. */
export function OpenBinsCard({ village, many }: { village: TPlace; many: boolean }) {
  const bins = useHint<TOpenBins>(() => listVillageOpenBins(village.id, 3))
  const text = !bins
    ? '报满还没清运的垃圾桶'
    : bins.open
      ? `有 ${bins.open} 个垃圾桶等待清运${bins.overdue ? `，${bins.overdue} 个已超时` : ''}`
      : '暂无待清运的垃圾桶'
  return (
    <EntryCard
      title={many ? `待清运 · ${village.name}` : '待清运'}
      badge={bins?.overdue || undefined}
      desc={
        <Text data-testid="home-open-bins-text" data-open={String(bins?.open ?? '')} data-overdue={String(bins?.overdue ?? '')}>
          {text}
        </Text>
      }
      testId="home-open-bins"
      onClick={() => openPage(BIN_ROUTES.admin)}
    >
      {bins?.items.map((b) => (
        <PreviewRow
          key={b.reportId}
          testId="home-open-bin"
          data={{ overdue: String(b.overdue), label: b.bin.label }}
          text={`${b.bin.label}${b.courtyard ? ` · ${b.courtyard}` : ''} · ${BIN_KINDS[b.kind]}${b.cleaners.length ? ` · ${b.cleaners.join('、')}` : ''}`}
          tag={b.overdue ? { text: '已超时', tone: 'danger' } : undefined}
        />
      ))}
    </EntryCard>
  )
}

/** One figure line: 未办结 · 超时 · 办结率. */
function figuresText(f: TRequestFigures): string {
  return `未办结 ${f.open} · 超时 ${f.overdue} · 办结率 ${percent(f.resolutionRate)}`
}

/** 村干部 · 本村数字: 找院长 over the last 30 days (the stats page has the rest). */
export function VillageFiguresCard({ village, many }: { village: TPlace; many: boolean }) {
  const stats = useHint(() => villageRequestStats(village.id, 30))
  return (
    <EntryCard
      title={many ? `本村数字 · ${village.name}` : '本村数字'}
      desc={<Text data-testid="home-village-figures-text">{stats ? `近30天找院长：${figuresText(stats.village)}` : '找院长的办理情况'}</Text>}
      testId="home-village-figures"
      onClick={() => openPage(`${REQUEST_ROUTES.stats}?villageId=${village.id}`)}
    />
  )
}

/** 镇街 · 各村数字: each village's 找院长 figures over 30 days, the most overdue first. */
export function TownshipVillagesCard({ township }: { township: TPlace }) {
  const stats = useHint<TTownshipRequestStats>(() => townshipRequestStats(township.id, 30))
  const rows = [...(stats?.villages ?? [])].sort((a, b) => b.overdue - a.overdue || b.escalated - a.escalated || a.name.localeCompare(b.name, 'zh-CN'))
  return (
    <EntryCard
      title={`各村数字 · ${township.name}`}
      desc={<Text data-testid="home-township-villages-text">{stats ? `近30天找院长，共 ${stats.villages.length} 个村` : '各村找院长的办理情况'}</Text>}
      testId="home-township-villages"
      onClick={() => openPage(`${REQUEST_ROUTES.stats}?townshipId=${township.id}`)}
    >
      {rows.map((v) => (
        <View key={v.id} className="home-figures" data-testid="home-township-village" data-id={v.id} data-overdue={String(v.overdue)}>
          <Text className="home-figures__name">{v.name}</Text>
          <Text className="home-figures__text">{`${figuresText(v)} · 上报 ${v.escalated}`}</Text>
        </View>
      ))}
    </EntryCard>
  )
}

/** 店员 · 待领取: redemptions waiting to be handed over in the shop's village (凭码发放). */
export function PickupsCard({ village, many }: { village: TPlace; many: boolean }) {
  const waiting = useHint<TRedemption[]>(async () => (await listVillageRedemptions(village.id, 'reserved')).items)
  return (
    <EntryCard
      title={many ? `凭码发放 · ${village.name}` : '凭码发放'}
      badge={waiting?.length || undefined}
      desc={
        <Text data-testid="home-pickups-text" data-count={String(waiting?.length ?? '')}>
          {!waiting ? '村民兑换的商品，扫取货码发放' : waiting.length ? `有 ${waiting.length} 件商品等待领取，扫码发放` : '暂无等待领取的商品'}
        </Text>
      }
      testId="home-pickups"
      onClick={() => openPage(`${ROUTES.handover}?villageId=${village.id}`)}
    >
      {waiting?.slice(0, 3).map((r) => (
        <PreviewRow key={r.id} testId="home-pickup" data={{ id: r.id }} text={`${r.person.name} · ${r.reward.name}`} />
      ))}
    </EntryCard>
  )
}
