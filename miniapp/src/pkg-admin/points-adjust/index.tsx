import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { cadreVillages, headedCourtyards, type TMe, type TPlace } from '../../api/me'
import { adjustPoints, getLeaderboard, listCourtyardPeople, type TCourtyardPerson } from '../../api/points'
import { toAppError } from '../../api/request'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { Tabs } from '../../components/tabs'
import { POINTS_HINTS } from '../../lib/points-errors'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { wholeNumber } from '../components/numbers'
import '../components/admin.scss'
import './index.scss'

const AWARD_REASONS = ['志愿服务', '庭院整洁', '参加院落活动', '帮助邻里']
const DEDUCT_REASONS = ['乱倒垃圾', '占道堆放', '不参加卫生整治']
const HINTS = { ...POINTS_HINTS, INSUFFICIENT_POINTS: '扣的分不能比这个人现有的积分多，请少扣一些。' }

/**
 * The courtyards this person may award in: the ones they head, and for a 村干部 the
 * courtyards of their villages. TODO(api): there is no "courtyards of a village" endpoint
 * yet (proposed: GET /api/villages/{villageId}/courtyards → { items: {id, name}[] }); until
 * then a cadre gets the courtyards on the village's all-time courtyard board (those that
 * ever earned points) plus their own courtyard.
 */
async function courtyardsFor(me: TMe): Promise<TPlace[]> {
  const list = [...headedCourtyards(me)]
  const add = (c: TPlace) => {
    if (!list.some((x) => x.id === c.id)) list.push(c)
  }
  const villages = cadreVillages(me)
  if (villages.length && me.courtyard) add(me.courtyard)
  for (const v of villages) {
    const board = await getLeaderboard(v.id, { board: 'courtyard', period: 'all', limit: 100 })
    for (const c of board.items) add({ id: c.id, name: villages.length > 1 ? `${v.name} · ${c.name}` : c.name })
  }
  return list
}

/** 院长 / 村干部 · 人工加减分: pick a courtyard and a person, then points and a reason they will see. */
export default function PointsAdjustPage() {
  const { params } = useRouter()
  const [courtyards, setCourtyards] = useState<TPlace[] | null>(null)
  const [courtyardId, setCourtyardId] = useState<string | null>(params.courtyardId ?? null)
  const [people, setPeople] = useState<TCourtyardPerson[] | null>(null)
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const chosen = useRef<string | null>(courtyardId)
  chosen.current = courtyardId

  const loadPeople = async (id: string | null) => {
    if (!id) return
    try {
      setPeople((await listCourtyardPeople(id)).items)
      setError(null)
    } catch (err) {
      setError(toAppError(err))
    }
  }

  const onLoaded = async (me: TMe) => {
    try {
      const list = await courtyardsFor(me)
      setCourtyards(list)
      const id = list.some((c) => c.id === chosen.current) ? chosen.current : (list[0]?.id ?? null)
      setCourtyardId(id)
      if (id === chosen.current) void loadPeople(id)
    } catch (err) {
      setError(toAppError(err))
    }
  }
  const { me, error: meError, reload } = useMe((m) => void onLoaded(m))

  useEffect(() => {
    setPeople(null)
    setPicked(null)
    void loadPeople(courtyardId)
  }, [courtyardId])

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const courtyard = courtyards?.find((c) => c.id === courtyardId)
  const q = search.trim()
  const shown = people?.filter((p) => !q || p.name.includes(q) || p.household.label.includes(q)) ?? []

  return (
    <View className="page admin-page points-adjust">
      <ErrorNotice error={meError} testId="adjust-me-error" />
      {me && courtyards && !courtyards.length ? (
        <Text className="muted" data-testid="adjust-none">
          只有院长和村干部可以给村民加分或扣分。
        </Text>
      ) : null}

      {courtyards && courtyards.length > 1 ? (
        <Section title="选择院落">
          <View className="chips">
            {courtyards.map((c) => (
              <Text
                key={c.id}
                className={`chip ${c.id === courtyardId ? 'chip--on' : ''}`}
                data-testid={`adjust-courtyard-${c.id}`}
                onClick={() => setCourtyardId(c.id)}
              >
                {c.name}
              </Text>
            ))}
          </View>
        </Section>
      ) : null}

      {courtyard ? (
        <>
          <Text className="page-title">{`${courtyard.name} · 人工加减分`}</Text>
          <Text className="page-subtitle">点一个人，填分数和原因。原因会写进 TA 的积分明细。</Text>
        </>
      ) : null}
      <ErrorNotice error={error} testId="adjust-error" hints={HINTS} />

      {people ? (
        <>
          <Field label="找人" value={search} onChange={setSearch} placeholder="输入姓名或门牌" testId="adjust-search" />
          {!shown.length ? <Text className="xyj-empty">{q ? '没有找到这个人' : '这个院落还没有登记村民'}</Text> : null}
          {shown.map((p) => (
            <PersonRow
              key={p.id}
              person={p}
              open={picked === p.id}
              onToggle={() => setPicked(picked === p.id ? null : p.id)}
              onDone={() => loadPeople(chosen.current)}
            />
          ))}
        </>
      ) : courtyardId && !error ? (
        <Text className="muted">正在加载…</Text>
      ) : null}
    </View>
  )
}

function PersonRow({ person: p, open, onToggle, onDone }: { person: TCourtyardPerson; open: boolean; onToggle: () => void; onDone: () => Promise<void> }) {
  const [kind, setKind] = useState<'award' | 'deduct'>('award')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const adjust = useAction('adjust-points', (body: { amount: number; reason: string }, key: string) => adjustPoints(p.id, body, key))

  const onSubmit = async () => {
    const n = wholeNumber(amount, '分值', 1, 1000)
    if (n instanceof AppError) return adjust.setError(n)
    const why = reason.trim()
    if (!why) return adjust.setError(new AppError('VALIDATION_FAILED', { message: '请填写原因，村民会在积分明细里看到' }))
    const signed = kind === 'award' ? n : -n
    const answer = await Taro.showModal({
      title: kind === 'award' ? '确认加分' : '确认扣分',
      content: `给 ${p.name} ${kind === 'award' ? '加' : '扣'} ${n} 分？原因：${why}`,
      confirmText: '确认',
      cancelText: '再看看',
    })
    if (!answer.confirm) return
    const res = await adjust.run({ amount: signed, reason: why })
    if (res.ok) {
      Taro.showToast({ title: `已${kind === 'award' ? '加' : '扣'}${n}分`, icon: 'success', duration: 1500 })
      setAmount('')
      setReason('')
      onToggle()
      await onDone()
    }
  }

  return (
    <View className={`admin-card adjust-person ${open ? 'adjust-person--open' : ''}`} data-testid="adjust-person" data-id={p.id}>
      <View className="admin-card__head" onClick={onToggle}>
        <View className="adjust-person__who">
          <Text className="admin-card__name">{p.name}</Text>
          <Text className="admin-card__line">{p.household.label}</Text>
        </View>
        <Text className="admin-card__value" data-testid="adjust-person-balance">{`${p.balance} 分`}</Text>
      </View>
      {open ? (
        <View className="admin-card__form">
          <Tabs
            options={[
              { value: 'award', label: '加分' },
              { value: 'deduct', label: '扣分' },
            ]}
            value={kind}
            onChange={(k) => {
              setKind(k)
              setReason('')
            }}
            testId="adjust-kind"
          />
          <Field label={kind === 'award' ? '加几分' : '扣几分'} value={amount} onChange={setAmount} type="number" maxlength={4} testId="adjust-amount" />
          <Field label="原因（村民会看到）" value={reason} onChange={setReason} maxlength={100} testId="adjust-reason" />
          <View className="chips">
            {(kind === 'award' ? AWARD_REASONS : DEDUCT_REASONS).map((r) => (
              <Text key={r} className={`chip ${reason === r ? 'chip--on' : ''}`} onClick={() => setReason(r)}>
                {r}
              </Text>
            ))}
          </View>
          <ErrorNotice error={adjust.error} testId="adjust-submit-error" hints={HINTS} />
          <Button
            className="btn-small"
            type={kind === 'award' ? 'primary' : 'danger'}
            size="large"
            block
            loading={adjust.busy}
            data-testid="adjust-submit"
            onClick={() => void onSubmit()}
          >
            {kind === 'award' ? '确认加分' : '确认扣分'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
