import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { TReachStatus } from '../../../../shared/domain/staff-reach'
import { ROLE_INFO } from '../../../../shared/domain/roles'
import { staffReach, type TStaffReach, type TStaffReachList } from '../../api/notifications'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { StateTag, type TTagType } from '../../components/state-tag'
import { templateLabel } from '../../lib/templates'

type TOn = TStaffReachList['channelsOn']

const REACH_LABELS: Record<TReachStatus, string> = {
  push: '能及时收到',
  credits: '只剩几次提醒',
  sms: '只能收短信',
  inbox_only: '收不到，只有站内消息',
}
const REACH_TAGS: Record<TReachStatus, TTagType> = { push: 'success', credits: 'warning', sms: 'warning', inbox_only: 'danger' }

const OA_LABELS: Record<TStaffReach['channels']['oa'], string> = {
  following: '公众号已关注',
  not_following: '公众号已取消关注',
  stale: '公众号消息发不到',
  unlinked: '未关注公众号',
}

const creditsLeft = (p: TStaffReach) => Object.values(p.channels.credits).reduce((a, n) => a + n, 0)

/** The channels as chips: what works is green, what is missing is grey (only channels this deployment runs). */
function chipsOf(p: TStaffReach, on: TOn): { text: string; ok: boolean }[] {
  const c = p.channels
  const chips: { text: string; ok: boolean }[] = []
  if (!c.miniProgram) chips.push({ text: '没用微信登录小程序', ok: false })
  if (c.longTerm.length) chips.push({ text: `长期订阅 ${c.longTerm.map(templateLabel).join('、')}`, ok: true })
  for (const [t, n] of Object.entries(c.credits)) chips.push({ text: `一次性订阅 ${templateLabel(t)} 剩${n}次`, ok: true })
  if (c.miniProgram && !c.longTerm.length && !Object.keys(c.credits).length) chips.push({ text: '没有订阅提醒', ok: false })
  if (on.oa) chips.push({ text: OA_LABELS[c.oa], ok: c.oa === 'following' })
  if (on.sms) chips.push(c.phone ? { text: `短信 ${c.phone}`, ok: true } : { text: '没有能收短信的手机号', ok: false })
  return chips
}

/** What the cadre can ask of the person so that tasks reach them (nothing when they already do). */
function todoOf(p: TStaffReach, on: TOn): string[] {
  if (p.reach === 'push') return []
  const c = p.channels
  const todo: string[] = []
  if (on.oa) todo.push(c.oa === 'stale' || c.oa === 'not_following' ? '请其重新关注公众号' : '请其关注公众号')
  todo.push(c.miniProgram ? '在小程序里点「允许」订阅提醒' : '用微信登录小程序，并点「允许」订阅提醒')
  if (on.sms && !c.phone && p.reach === 'inbox_only') todo.push('登记一个能收短信的手机号')
  return todo
}

function ReachItem({ person: p, on }: { person: TStaffReach; on: TOn }) {
  const todo = todoOf(p, on)
  const why = p.reach === 'credits' ? '提醒次数用完就收不到了。' : p.reach === 'sms' ? '微信提醒到不了，只能发短信。' : ''
  return (
    <View className={`admin-item reach-item reach-item--${p.reach}`} data-testid="reach-item" data-reach={p.reach} data-name={p.name}>
      <View className="admin-item__head reach-item__head">
        <View className="reach-item__who">
          <Text className="admin-item__name">{p.name}</Text>
          <Text className="reach-item__roles">{p.roles.map((r) => ROLE_INFO[r].label).join('、')}</Text>
        </View>
        <StateTag
          className={`reach-tag reach-tag--${p.reach}`}
          state={p.reach}
          labels={p.reach === 'credits' ? { ...REACH_LABELS, credits: `只剩${creditsLeft(p)}次提醒` } : REACH_LABELS}
          types={REACH_TAGS}
        />
      </View>
      <View className="reach-item__chips">
        {chipsOf(p, on).map((c) => (
          <Text key={c.text} className={`reach-chip ${c.ok ? 'reach-chip--ok' : ''}`} data-testid="reach-chip" data-ok={c.ok ? 'true' : 'false'}>
            {c.text}
          </Text>
        ))}
      </View>
      {todo.length ? (
        <Text className="reach-item__todo" data-testid="reach-todo">
          {`${why}可以：${todo.join('；')}`}
        </Text>
      ) : null}
    </View>
  )
}

/**
 * 工作人员能否收到通知: every member of the village's staff with the channels that reach them,
 * the people nothing reaches (only the in-app 消息, which nobody opens on the road) highlighted
 * first with what to ask of them. `refresh` changes whenever the page reloads.
 */
export function StaffReachSection({ villageId, refresh }: { villageId: string; refresh: number }) {
  const [data, setData] = useState<TStaffReachList | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => setData(null), [villageId])
  useEffect(() => {
    let live = true
    staffReach(villageId).then(
      (d) => {
        if (!live) return
        setData(d)
        setError(null)
      },
      (err) => live && setError(toAppError(err)),
    )
    return () => {
      live = false
    }
  }, [villageId, refresh])

  const on = data?.channelsOn ?? { oa: false, sms: false }
  const unreachable = data?.items.filter((p) => p.reach === 'inbox_only') ?? []
  const others = data?.items.filter((p) => p.reach !== 'inbox_only') ?? []
  const c = data?.counts
  const summary = c
    ? [
        `共 ${data.items.length} 人`,
        c.inbox_only ? `${c.inbox_only} 人收不到` : '',
        c.sms ? `${c.sms} 人只能收短信` : '',
        c.credits ? `${c.credits} 人只剩几次提醒` : '',
        c.push ? `${c.push} 人能及时收到` : '',
      ].filter(Boolean)
    : []

  return (
    <View className="reach" data-testid="reach-section">
      <Text className="reach__title">工作人员能否收到通知</Text>
      <Text className="reach__intro">保洁员、院长、村干部要及时收到任务。「消息」里总会有一份，但在路上没人看，要靠微信提醒或短信。</Text>
      <ErrorNotice error={error} testId="reach-error" />
      {!data && !error ? <Text className="muted">正在加载…</Text> : null}
      {data && !data.items.length ? (
        <Text className="reach__empty" data-testid="reach-empty">
          本村还没有工作人员
        </Text>
      ) : null}
      {summary.length > 1 ? (
        <Text className="reach__summary" data-testid="reach-summary">
          {summary.join(' · ')}
        </Text>
      ) : null}

      {unreachable.length ? (
        <View className="reach__alert" data-testid="reach-unreachable" data-count={unreachable.length}>
          <Text className="reach__alert-title">{`${unreachable.length} 人收不到通知`}</Text>
          <Text className="reach__alert-text">派给他们的任务只进了「消息」，微信和短信都到不了。请尽快联系他们。</Text>
          <View className="admin__list">
            {unreachable.map((p) => (
              <ReachItem key={p.personId} person={p} on={on} />
            ))}
          </View>
        </View>
      ) : null}

      {others.length ? (
        <View className="admin__list" data-testid="reach-others">
          {others.map((p) => (
            <ReachItem key={p.personId} person={p} on={on} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
