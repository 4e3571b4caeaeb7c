import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { ackSos, cancelSos, getSos, resolveSos, type TSosCall } from '../../api/sos'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatPhone, formatTime } from '../../lib/format'
import { goToLogin } from '../../lib/navigation'
import { sosLive, sosStatusText } from '../../lib/sos'
import { useAction, type TActionResult } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { callPhone } from '../../platform'
import { useElderMode } from '../../lib/elder-mode'
import '../components/request.scss'

/** Always offered to a caller whose call is live: the police and the ambulance. */
const EMERGENCY = [
  ['110', '报警'],
  ['120', '急救'],
] as const

/** How often an open call is asked again (who has been told, who is coming). */
const POLL_MS = 4000

/**
 * 一键呼叫, one call. The caller sees in big letters who has been told or who is coming (with
 * a button to ring them), the log, and 取消（误触）. Someone who answers sees the caller's
 * name, address and phone, 我去 and, once there, 已处理. Asked again every few seconds while
 * the call is open and the page is in front.
 */
export default function SosPage() {
  const elder = useElderMode()
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const [call, setCall] = useState<TSosCall | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [shown, setShown] = useState(true)
  const generation = useRef(0)

  const load = async () => {
    if (!getToken()) return goToLogin()
    if (!id) return setError(new AppError('NOT_FOUND', { message: '没有找到这个呼叫' }))
    const gen = ++generation.current
    try {
      const c = await getSos(id)
      if (gen !== generation.current) return
      setCall(c)
      setError(null)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  useDidShow(() => {
    setShown(true)
    void load()
  })
  useDidHide(() => setShown(false))

  const live = sosLive(call)
  useEffect(() => {
    if (!live || !shown) return
    const timer = setInterval(() => void load(), POLL_MS)
    return () => clearInterval(timer)
  }, [live, shown, id])

  const ack = useAction('sos-ack', (callId: string, key: string) => ackSos(callId, key))
  const cancel = useAction('sos-cancel', (i: { id: string; reason: 'mistap' | 'no_longer_needed' }, key: string) => cancelSos(i.id, i.reason, key))
  const resolve = useAction('sos-resolve', (callId: string, key: string) => resolveSos(callId, undefined, key))
  const actionError = ack.error ?? cancel.error ?? resolve.error

  const after = (res: TActionResult<TSosCall>, toast?: string) => {
    generation.current++ // a poll already under way must not show the older state
    if (res.ok) {
      setCall(res.value)
      if (toast) Taro.showToast({ title: toast, icon: 'none', duration: 1500 })
    } else if ('error' in res && res.error.status === 409) {
      void load()
    }
  }

  const onCancel = async (reason: 'mistap' | 'no_longer_needed') => {
    if (!call) return
    const answer = await Taro.showModal({
      title: '取消呼叫',
      content: reason === 'mistap' ? '是按错了吗？取消后院长就不来了。' : '已经没事了吗？取消后院长就不来了。',
      confirmText: '取消呼叫',
      cancelText: '继续呼叫',
    })
    if (answer.confirm) after(await cancel.run({ id: call.id, reason }), '已取消呼叫')
  }

  const onAck = async () => {
    if (call) after(await ack.run(call.id), '已告诉呼叫人您在赶来')
  }

  const onResolve = async () => {
    if (!call) return
    const answer = await Taro.showModal({ title: '已处理', content: '已经到场处理好了吗？', confirmText: '处理好了', cancelText: '还没有' })
    if (answer.confirm) after(await resolve.run(call.id), '已处理')
  }

  const c = call
  const responderIsMe = Boolean(c?.responder && me && c.responder.id === me.person.id)

  return (
    <View className={`page sos-page ${elder.className}`}>
      <ErrorNotice error={error} testId="sos-load-error" />
      {!c && !error ? <Text className="muted">正在加载…</Text> : null}

      {c ? (
        <>
          <View className={`sos-status sos-status--${c.state}`} data-testid="sos-status" data-state={c.state} data-step={String(c.step)}>
            {!c.mine ? <Text className="sos-status__sub">{`${c.caller.name} 一键呼叫`}</Text> : null}
            <Text className="sos-status__text" data-testid="sos-status-text">
              {sosStatusText(c)}
            </Text>
            <Text className="sos-status__sub">{`${formatTime(c.createdAt)} 发出${c.closedAt ? ` · ${formatTime(c.closedAt)} 结束` : ''}`}</Text>
            <Text className="sos-status__sub" data-testid="sos-ticket" data-ticket={c.ticket}>{`工单号 ${c.ticket}`}</Text>
          </View>

          <ErrorNotice error={actionError} testId="sos-error" />

          {c.mine ? (
            <>
              {c.responder && live ? (
                <View data-testid="sos-responder" data-name={c.responder.name}>
                  {c.responder.phone ? (
                    <Button
                      className="btn sos-call-btn"
                      type="primary"
                      size="xlarge"
                      block
                      data-testid="sos-responder-call"
                      onClick={() => void callPhone(c.responder!.phone!)}
                    >
                      {`打电话给${c.responder.name} ${formatPhone(c.responder.phone)}`}
                    </Button>
                  ) : null}
                </View>
              ) : null}
              {live && !c.responder && c.contacts.length ? (
                <View data-testid="sos-contacts">
                  {c.contacts.map((p) => (
                    <Button
                      key={p.id}
                      className="btn sos-call-btn"
                      type="primary"
                      size="xlarge"
                      block
                      data-testid="sos-contact-call"
                      data-phone={p.phone}
                      onClick={() => void callPhone(p.phone)}
                    >
                      {`打电话给${p.why} ${p.name}`}
                    </Button>
                  ))}
                </View>
              ) : null}
              {live ? (
                <View className="sos-emergency">
                  {EMERGENCY.map(([number, label]) => (
                    <Button
                      key={number}
                      className="btn sos-call-btn sos-emergency__btn"
                      type="danger"
                      size="xlarge"
                      data-testid={`sos-call-${number}`}
                      onClick={() => void callPhone(number)}
                    >
                      {`${label} ${number}`}
                    </Button>
                  ))}
                </View>
              ) : null}
              {live ? (
                <>
                  <Button className="btn" size="xlarge" block loading={cancel.busy} data-testid="sos-cancel" onClick={() => void onCancel('mistap')}>
                    取消（误触）
                  </Button>
                  <Button
                    className="btn btn-small"
                    size="large"
                    block
                    disabled={cancel.busy}
                    data-testid="sos-cancel-fine"
                    onClick={() => void onCancel('no_longer_needed')}
                  >
                    已经没事了，结束呼叫
                  </Button>
                </>
              ) : null}
            </>
          ) : (
            <>
              <View className="req-card" data-testid="sos-caller" data-name={c.caller.name}>
                <Text className="req-card__text">{c.caller.name}</Text>
                <Text className="req-card__line" data-testid="sos-address">{`地址：${c.address || '未登记'}`}</Text>
                {c.phone ? (
                  <View className="req-phone" data-testid="sos-phone" data-phone={c.phone}>
                    <Text className="req-phone__text">{formatPhone(c.phone)}</Text>
                    <Text className="req-phone__call" data-testid="sos-call" onClick={() => void callPhone(c.phone!)}>
                      打电话
                    </Text>
                  </View>
                ) : null}
              </View>
              {c.state === 'open' ? (
                <Button className="btn sos-call-btn" type="danger" size="xlarge" block loading={ack.busy} data-testid="sos-ack" onClick={() => void onAck()}>
                  我去
                </Button>
              ) : null}
              {c.state === 'acknowledged' && responderIsMe ? (
                <Button className="btn" type="primary" size="xlarge" block loading={resolve.busy} data-testid="sos-resolve" onClick={() => void onResolve()}>
                  已处理
                </Button>
              ) : null}
            </>
          )}

          <Section title="经过" testId="sos-events">
            {c.events.map((e, i) => (
              <View key={`${e.at}:${i}`} className="req-event" data-testid="sos-event" data-kind={e.kind}>
                <Text className="req-event__label">{e.label}</Text>
                <Text className="req-event__meta">{`${e.actor ? `${e.actor} · ` : ''}${formatTime(e.at)}`}</Text>
                {e.note ? <Text className="req-event__note">{e.note}</Text> : null}
              </View>
            ))}
          </Section>
        </>
      ) : null}
    </View>
  )
}
