import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { TVillageBin } from '../../api/bins'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { BIN_ROUTES } from '../../lib/bin-routes'
import { openPage } from '../../lib/navigation'
import { useVillageBins } from '../bins-shared/use-village-bins'
import { VillageChips } from '../../components/village-chips'
import '../bins-shared/bins.scss'

type TFilter = 'all' | 'active' | 'disabled'
const FILTERS: { key: TFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'active', label: '在用' },
  { key: 'disabled', label: '已停用' },
]

function matches(b: TVillageBin, q: string, filter: TFilter): boolean {
  if (filter !== 'all' && b.state !== filter) return false
  if (!q) return true
  return [b.label, b.courtyard?.name ?? '', ...b.cleaners.map((c) => c.name)].some((s) => s.includes(q))
}

/**
 * 后台 · 垃圾桶 (村干部; 镇街管理员 read only): the village's bins with courtyard, cleaners and
 * state, and the way to 新增 / 修改 / 批量导入 / 统计 / 打印贴纸. Two or three columns on a desktop.
 */
export default function BinsAdminPage() {
  const v = useVillageBins()
  const [q, setQ] = useState('')
  const [filter, setFilter] = useState<TFilter>('all')

  usePullDownRefresh(async () => {
    await v.reloadMe()
    await v.load()
    Taro.stopPullDownRefresh()
  })

  const items = v.data?.items ?? []
  const shown = items.filter((b) => matches(b, q.trim(), filter))
  const active = items.filter((b) => b.state === 'active').length
  const withVillage = (url: string) => `${url}${url.includes('?') ? '&' : '?'}villageId=${encodeURIComponent(v.villageId ?? '')}`

  return (
    <View className="page bins-page">
      <ErrorNotice error={v.meError ?? v.choice.error} testId="bins-me-error" />
      {v.noVillage ? (
        <Text className="muted" data-testid="bins-not-staff">
          只有村干部可以管理本村的垃圾桶。
        </Text>
      ) : null}

      {v.choice.village ? (
        <View className="bins-head">
          <View className="bins-head__text">
            <Text className="page-title">{`${v.choice.village.name} · 垃圾桶`}</Text>
            <Text className="muted" data-testid="bins-count">
              {v.data ? `共 ${items.length} 个，在用 ${active} 个` : v.loading ? '正在加载…' : ''}
            </Text>
          </View>
        </View>
      ) : null}

      <VillageChips choice={v.choice} testId="bins-village" />

      {v.villageId ? (
        <View className="bins-actions">
          {v.canEdit ? (
            <>
              <Text className="bins-action bins-action--primary" data-testid="bins-add" onClick={() => openPage(withVillage(BIN_ROUTES.edit))}>
                ＋ 新增
              </Text>
              <Text className="bins-action" data-testid="bins-import" onClick={() => openPage(withVillage(BIN_ROUTES.import))}>
                批量导入
              </Text>
            </>
          ) : null}
          <Text className="bins-action" data-testid="bins-stats" onClick={() => openPage(withVillage(BIN_ROUTES.stats))}>
            统计
          </Text>
          <Text className="bins-action" data-testid="bins-stickers" onClick={() => openPage(withVillage(BIN_ROUTES.stickers))}>
            打印二维码贴纸
          </Text>
        </View>
      ) : null}

      <ErrorNotice error={v.error} testId="bins-error" />

      {items.length ? (
        <>
          <Field label="查找" value={q} onChange={setQ} placeholder="编号、院落或保洁员" testId="bins-search" />
          <View className="chips">
            {FILTERS.map((f) => (
              <Text key={f.key} className={`chip ${filter === f.key ? 'chip--on' : ''}`} data-testid={`bins-filter-${f.key}`} onClick={() => setFilter(f.key)}>
                {f.label}
              </Text>
            ))}
          </View>
        </>
      ) : v.data ? (
        <Text className="muted" data-testid="bins-empty">
          还没有垃圾桶。点「新增」一个个添加，或「批量导入」一次导入很多个。
        </Text>
      ) : null}

      <View className="bins-list">
        {shown.map((b) => (
          <View
            key={b.id}
            className={`bins-item ${b.state === 'disabled' ? 'bins-item--disabled' : ''}`}
            data-testid="bin-item"
            data-code={b.code}
            data-state={b.state}
          >
            <View className="bins-item__head">
              <Text className="bins-item__label">{b.label}</Text>
              <Text className="bins-item__state">{b.state === 'active' ? '在用' : '已停用'}</Text>
            </View>
            <Text className="bins-item__line">{`院落：${b.courtyard?.name ?? '未指定'}`}</Text>
            <Text className="bins-item__line" data-testid="bin-item-cleaners">
              {`保洁员：${b.cleaners.length ? b.cleaners.map((c) => c.name).join('、') : '未指派'}`}
            </Text>
            <Text className="bins-item__line">{`位置：${b.lat.toFixed(5)}, ${b.lng.toFixed(5)}`}</Text>
            {v.canEdit ? (
              <Text
                className="bins-item__edit"
                data-testid="bin-item-edit"
                onClick={() => openPage(withVillage(`${BIN_ROUTES.edit}?code=${encodeURIComponent(b.code)}`))}
              >
                修改 / 移动 / 停用
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
