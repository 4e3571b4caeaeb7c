import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { approve, listForCourtyard, reject, type TJoinRequest } from '../../api/join-requests'
import { headedCourtyards, type TMe } from '../../api/me'
import { toAppError } from '../../api/request'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button, Tag } from '../../components/nut'
import { SubscribeAsk } from '../../components/subscribe-ask'
import { flagLabels, formatPhone, formatTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import './index.scss'

const QUICK_REASONS = ['不是本院落的住户', '信息填写不完整', '已经在其他院落登记']

/** 院长 reviews 入院申请 for one of the courtyards they head. */
export default function RequestsPage() {
  const { params } = useRouter()
  // ?courtyardId= (the 「新的入院申请」 message names its courtyard) opens that courtyard; the
  // ref keeps the current choice for reloads (useMe calls back the first render's `pick`).
  const [courtyardId, setCourtyardId] = useState<string | null>(params.courtyardId ?? null)
  const chosen = useRef<string | null>(courtyardId)
  chosen.current = courtyardId
  const [items, setItems] = useState<TJoinRequest[] | null>(null)
  const [listError, setListError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)

  const load = async (id: string | null) => {
    if (!id) return
    setLoading(true)
    try {
      setItems((await listForCourtyard(id, 'pending')).items)
      setListError(null)
    } catch (err) {
      setListError(toAppError(err))
    } finally {
      setLoading(false)
    }
  }

  const pick = (me: TMe) => {
    const heads = headedCourtyards(me)
    const id = heads.some((c) => c.id === chosen.current) ? chosen.current : (heads[0]?.id ?? null)
    setCourtyardId(id)
    void load(id)
  }

  const { me, error: meError, reload } = useMe(pick)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const heads = me ? headedCourtyards(me) : []

  return (
    <View className="page requests">
      <ErrorNotice error={meError} testId="requests-me-error" />

      {me && !heads.length ? (
        <Text className="muted" data-testid="requests-not-head">
          您不是院长，没有需要审核的入院申请。
        </Text>
      ) : null}

      {heads.length > 1 ? (
        <Section title="选择院落">
          <View className="chips">
            {heads.map((c) => (
              <Text
                key={c.id}
                className={`chip ${c.id === courtyardId ? 'chip--on' : ''}`}
                data-testid={`requests-courtyard-${c.id}`}
                onClick={() => {
                  setCourtyardId(c.id)
                  setItems(null)
                  void load(c.id)
                }}
              >
                {c.name}
              </Text>
            ))}
          </View>
        </Section>
      ) : null}

      <ErrorNotice error={listError} testId="requests-error" />

      {heads.length ? (
        <SubscribeAsk
          template="join_request_new"
          label="有新申请时通知我"
          showCredits
          doneText="好的，有新的入院申请时会通过微信通知您"
          testId="requests-subscribe"
        />
      ) : null}

      {items && !items.length ? (
        <View className="requests__empty" data-testid="requests-empty">
          <Text className="requests__empty-text">暂无待审核的申请</Text>
        </View>
      ) : null}
      {!items && loading ? <Text className="muted">正在加载…</Text> : null}

      {items?.map((r) => (
        <RequestItem key={r.id} request={r} onDone={() => load(courtyardId)} />
      ))}
    </View>
  )
}

function RequestItem({ request: r, onDone }: { request: TJoinRequest; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const approveAction = useAction('approve', (id: string, key: string) => approve(id, key))
  const rejectAction = useAction('reject', (input: { id: string; reason: string }, key: string) => reject(input.id, input.reason, key))
  const error = approveAction.error ?? rejectAction.error
  const flags = flagLabels(r.flags)

  const finish = (title: string) => {
    Taro.showToast({ title, icon: 'success', duration: 1500 })
    onDone()
  }

  const afterError = (e: AppError) => {
    // Someone else already decided it: the list is stale, so refresh after showing why.
    if (e.code === 'JOIN_REQUEST_NOT_PENDING' || e.code === 'NOT_FOUND') setTimeout(onDone, 1500)
  }

  const onApprove = async () => {
    const res = await approveAction.run(r.id)
    if (res.ok) finish('已同意')
    else if ('error' in res) afterError(res.error)
  }

  const onReject = async () => {
    if (!reason.trim()) {
      rejectAction.setError(new AppError('VALIDATION_FAILED', { message: '请填写拒绝原因，申请人会看到' }))
      return
    }
    const res = await rejectAction.run({ id: r.id, reason: reason.trim() })
    if (res.ok) finish('已拒绝')
    else if ('error' in res) afterError(res.error)
  }

  const busy = approveAction.busy || rejectAction.busy

  return (
    <View className="request" data-testid="request-item" data-id={r.id}>
      <View className="request__head">
        <Text className="request__name">{r.name}</Text>
        <Text className="request__time">{formatTime(r.createdAt)}</Text>
      </View>
      <Text className="request__line">{`手机：${formatPhone(r.phone)}`}</Text>
      <Text className="request__line">{`门牌/户名：${r.householdLabel}`}</Text>
      {r.members.length ? <Text className="request__line">{`家庭成员：${r.members.map((m) => `${m.name}（${m.relation}）`).join('、')}`}</Text> : null}
      {flags.length ? (
        <View className="request__flags">
          {flags.map((f) => (
            <Tag key={f} type="warning" className="request__flag">
              {f}
            </Tag>
          ))}
        </View>
      ) : null}

      <ErrorNotice error={error} testId="request-error" />

      {rejecting ? (
        <View className="request__reject">
          <Field label="拒绝原因（会告诉申请人）" value={reason} onChange={setReason} placeholder="请填写原因" maxlength={200} testId="request-reject-reason" />
          <View className="chips">
            {QUICK_REASONS.map((q) => (
              <Text key={q} className={`chip ${reason === q ? 'chip--on' : ''}`} onClick={() => setReason(q)}>
                {q}
              </Text>
            ))}
          </View>
          <View className="row">
            <Button
              className="btn-small"
              size="large"
              disabled={busy}
              data-testid="request-reject-cancel"
              onClick={() => {
                setRejecting(false)
                rejectAction.setError(null)
              }}
            >
              取消
            </Button>
            <Button
              className="btn-small"
              type="danger"
              size="large"
              loading={rejectAction.busy}
              disabled={busy}
              data-testid="request-reject-confirm"
              onClick={onReject}
            >
              确认拒绝
            </Button>
          </View>
        </View>
      ) : (
        <View className="row request__actions">
          <Button className="btn-small" size="large" disabled={busy} data-testid="request-reject" onClick={() => setRejecting(true)}>
            拒绝
          </Button>
          <Button
            className="btn-small"
            type="primary"
            size="large"
            loading={approveAction.busy}
            disabled={busy}
            data-testid="request-approve"
            onClick={onApprove}
          >
            同意
          </Button>
        </View>
      )}
    </View>
  )
}
