import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { TMe } from '../api/me'
import { getMySos, listActiveSos, raiseSos, type TMySos, type TSosCall } from '../api/sos'
import { openPage } from '../lib/navigation'
import { sosPage } from '../lib/request-routes'
import { SOS_ARM_MS, sosLive, sosStatusText } from '../lib/sos'
import { useAction } from '../lib/use-action'
import { ErrorNotice } from './error-notice'

/** Runs `load` when the card mounts and whenever its page shows again (as the bin cards do). */
function useOnShow(load: () => void) {
  const ref = useRef(load)
  ref.current = load
  useEffect(() => ref.current(), [])
  useDidShow(() => ref.current())
}

/**
 * 首页 · 一键呼叫. For whoever has it (flagged elderly, alone or needing care, or turned on in
 * 我的): a very large red button. The first tap only arms it (「再按一次确认呼叫」, calming
 * down after a few seconds), the second raises the call and opens its page. A call still going
 * on is shown instead, with who is coming. Below it, for the people who answer calls, a
 * banner for each call waiting on them: below and edged, not filled, so a head who also has
 * the button never finds it pushed down by, or mistaken for, someone else's call.
 */
export function SosCard({ me }: { me: TMe }) {
  const [mine, setMine] = useState<TMySos | null>(null)
  const [active, setActive] = useState<TSosCall[]>([])
  const [armed, setArmed] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const loading = useRef(false)
  const raise = useAction('sos-raise', (_: void, key: string) => raiseSos(key))

  const member = Boolean(me.courtyard)
  const answers = me.roles.length > 0

  useOnShow(() => {
    if (loading.current) return // mount and first show together: one request each
    loading.current = true
    const jobs: Promise<void>[] = []
    if (member) jobs.push(getMySos().then(setMine, () => undefined)) // a hint: the button stays as it was
    if (answers)
      jobs.push(
        listActiveSos().then(
          (r) => setActive(r.items.filter((c) => !c.mine && sosLive(c))),
          () => undefined,
        ),
      )
    void Promise.all(jobs).finally(() => {
      loading.current = false
    })
  })

  const disarm = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    setArmed(false)
  }
  useEffect(() => disarm, [])

  const onTap = async () => {
    if (raise.busy) return
    if (!armed) {
      raise.setError(null)
      setArmed(true)
      timer.current = setTimeout(disarm, SOS_ARM_MS)
      return
    }
    disarm()
    const res = await raise.run(undefined)
    if (res.ok) {
      setMine((m) => ({ available: true, enabledByMe: m?.enabledByMe ?? false, call: res.value }))
      openPage(sosPage(res.value.id))
    }
  }

  const call = mine?.call && sosLive(mine.call) ? mine.call : null

  return (
    <>
      {call ? (
        <View className="sos-live" data-testid="home-sos-live" data-id={call.id} data-state={call.state} onClick={() => openPage(sosPage(call.id))}>
          <Text className="sos-live__title">一键呼叫进行中</Text>
          <Text className="sos-live__status" data-testid="home-sos-live-status">
            {sosStatusText(call)}
          </Text>
          <Text className="sos-live__more">点这里查看 ›</Text>
        </View>
      ) : mine?.available ? (
        <View className="sos-box">
          <View
            className={`sos-button ${armed ? 'sos-button--armed' : ''} ${raise.busy ? 'sos-button--busy' : ''}`}
            data-testid="home-sos"
            data-armed={armed ? 'true' : 'false'}
            data-busy={raise.busy ? 'true' : 'false'}
            onClick={() => void onTap()}
          >
            <Text className="sos-button__text">{raise.busy ? '正在呼叫…' : armed ? '再按一次确认呼叫' : '一键呼叫'}</Text>
            <Text className="sos-button__sub">
              {raise.busy ? '正在通知院长和联户党员' : armed ? `${SOS_ARM_MS / 1000} 秒内不按就不呼叫` : '需要帮助时连按两次，通知院长和联户党员'}
            </Text>
          </View>
          <ErrorNotice error={raise.error} testId="home-sos-error" />
        </View>
      ) : null}

      {active.length ? (
        <View className="sos-incoming" data-testid="home-sos-incoming">
          {active.map((c) => (
            <View key={c.id} className="sos-banner" data-testid="home-sos-active" data-id={c.id} data-state={c.state} onClick={() => openPage(sosPage(c.id))}>
              <Text className="sos-banner__title">{`${c.caller.name} 一键呼叫求助`}</Text>
              <Text className="sos-banner__text" data-testid="home-sos-active-ticket">{`工单号 ${c.ticket}`}</Text>
              <Text className="sos-banner__text">{c.address}</Text>
              <Text className="sos-banner__text sos-banner__more">
                {c.state === 'acknowledged' && c.responder ? `${c.responder.name}已响应，正在赶去` : '还没有人响应，点这里查看 ›'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </>
  )
}
