import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { POINTS_EVENTS, type TPointsEvent } from '../../../../shared/domain/points-events'
import { cadreVillages } from '../../api/me'
import { listPointsRules, updatePointsRule, updatePointsSettings, type TPointsRule } from '../../api/points'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { POINTS_HINTS } from '../../lib/points-errors'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { optionalWholeNumber, wholeNumber } from '../components/numbers'
import { useVillageData } from '../components/use-village-data'
import { VillageChips } from '../../components/village-chips'
import '../components/admin.scss'

const capText = (cap: number | null) => (cap === null ? '不限' : `${cap} 分`)
const kindLabel = (kind: string) => POINTS_EVENTS[kind as TPointsEvent] ?? kind

/**
 * 村干部 · 积分规则: points per event and the daily cap per person, each change kept with who
 * made it (shown below); and the shop's setting — after how many days an uncollected
 * redemption expires and its points go back.
 */
export default function PointsRulesPage() {
  const { params } = useRouter()
  const { me, error: meError, reload } = useMe()
  const choice = useVillageChoice(me, cadreVillages, { initialId: params.villageId })
  const { data, error, load } = useVillageData(choice.villageId, listPointsRules, reload)

  const villageId = choice.villageId

  return (
    <View className="page admin-page points-rules">
      <ErrorNotice error={meError ?? choice.error} testId="rules-me-error" />
      {me && !choice.villages.length ? (
        <Text className="muted" data-testid="rules-not-cadre">
          只有村干部可以修改本村的积分规则。
        </Text>
      ) : null}
      <VillageChips choice={choice} />

      {choice.village ? <Text className="page-title">{`${choice.village.name} · 积分规则`}</Text> : null}
      <ErrorNotice error={error} testId="rules-error" hints={POINTS_HINTS} />
      {!data && villageId && !error ? <Text className="muted">正在加载…</Text> : null}

      {data && villageId ? (
        <>
          <Section title="每件事加几分" testId="rules">
            <View className="admin-page__list">
              {data.rules.map((r) => (
                <RuleItem key={r.eventKind} villageId={villageId} rule={r} onSaved={() => load(villageId)} />
              ))}
            </View>
          </Section>

          <Section title="积分超市设置" testId="rules-settings">
            <ExpirySetting villageId={villageId} days={data.redemptionExpiryDays} onSaved={() => load(villageId)} />
          </Section>

          <Section title="修改记录" testId="rules-history">
            {!data.changes.length ? <Text className="muted">还没有修改过</Text> : null}
            {data.changes.map((c, i) => (
              <View key={`${c.eventKind}:${c.changedAt}:${i}`} className="admin-card" data-testid="rules-change">
                <Text className="admin-card__name">{kindLabel(c.eventKind)}</Text>
                <Text className="admin-card__line">
                  {`每次 ${c.oldPoints ?? '—'} → ${c.newPoints ?? '—'} 分；每天最多 ${capText(c.oldCap)} → ${capText(c.newCap)}`}
                </Text>
                <Text className="admin-card__line">{`${c.changedBy.name} · ${formatTime(c.changedAt)}`}</Text>
              </View>
            ))}
          </Section>
        </>
      ) : null}
    </View>
  )
}

function RuleItem({ villageId, rule, onSaved }: { villageId: string; rule: TPointsRule; onSaved: () => Promise<void> }) {
  const [editing, setEditing] = useState(false)
  const [points, setPoints] = useState(String(rule.points))
  const [cap, setCap] = useState(rule.dailyCap === null ? '' : String(rule.dailyCap))
  const save = useAction('update-rule', (body: { points: number; dailyCap: number | null }, key: string) =>
    updatePointsRule(villageId, rule.eventKind, body, key),
  )

  const open = () => {
    setPoints(String(rule.points))
    setCap(rule.dailyCap === null ? '' : String(rule.dailyCap))
    save.setError(null)
    setEditing(true)
  }

  const onSave = async () => {
    const p = wholeNumber(points, '每次加分', 0, 1000)
    const c = optionalWholeNumber(cap, '每天上限', 1, 10000)
    if (p instanceof AppError) return save.setError(p)
    if (c instanceof AppError) return save.setError(c)
    const res = await save.run({ points: p, dailyCap: c })
    if (res.ok) {
      setEditing(false)
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 })
      await onSaved()
    }
  }

  return (
    <View className="admin-card" data-testid="rule-item" data-kind={rule.eventKind}>
      <View className="admin-card__head">
        <Text className="admin-card__name">{rule.label}</Text>
        <Text className="admin-card__value" data-testid="rule-points">{`${rule.points} 分`}</Text>
      </View>
      <Text className="admin-card__line" data-testid="rule-cap">{`每人每天最多 ${capText(rule.dailyCap)}`}</Text>
      {editing ? (
        <View className="admin-card__form">
          <Field label="每次加几分" value={points} onChange={setPoints} type="number" maxlength={4} testId="rule-points-input" />
          <Field label="每人每天最多几分" value={cap} onChange={setCap} type="number" maxlength={5} placeholder="不填 = 不限" testId="rule-cap-input" />
          <ErrorNotice error={save.error} testId="rule-error" hints={POINTS_HINTS} />
          <View className="row">
            <Button className="btn-small" size="large" disabled={save.busy} data-testid="rule-cancel" onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button className="btn-small" type="primary" size="large" loading={save.busy} data-testid="rule-save" onClick={() => void onSave()}>
              保存
            </Button>
          </View>
        </View>
      ) : (
        <View className="admin-card__form">
          <Button className="btn-small" size="large" block data-testid="rule-edit" onClick={open}>
            修改
          </Button>
        </View>
      )}
    </View>
  )
}

function ExpirySetting({ villageId, days, onSaved }: { villageId: string; days: number; onSaved: () => Promise<void> }) {
  const [value, setValue] = useState(String(days))
  useEffect(() => setValue(String(days)), [days])
  const save = useAction('update-points-settings', (n: number, key: string) => updatePointsSettings(villageId, { redemptionExpiryDays: n }, key))

  const onSave = async () => {
    const n = wholeNumber(value, '过期天数', 1, 90)
    if (n instanceof AppError) return save.setError(n)
    const res = await save.run(n)
    if (res.ok) {
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 })
      await onSaved()
    }
  }

  return (
    <View className="admin-card" data-testid="settings">
      <Text className="admin-card__line">{`兑换后 ${days} 天内没有领取，兑换自动取消，积分退回。`}</Text>
      <View className="admin-card__form">
        <Field label="几天内领取" value={value} onChange={setValue} type="number" maxlength={2} testId="settings-expiry" hint="1 到 90 天" />
        <ErrorNotice error={save.error} testId="settings-error" hints={POINTS_HINTS} />
        <Button className="btn-small" type="primary" size="large" block loading={save.busy} data-testid="settings-save" onClick={() => void onSave()}>
          保存
        </Button>
      </View>
    </View>
  )
}
