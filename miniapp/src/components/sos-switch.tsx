import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { sosAvailable } from '../../../shared/domain/requests'
import type { TMe } from '../api/me'
import { getMySos, setMySos } from '../api/sos'
import { flagLabels } from '../lib/format'
import { useAction } from '../lib/use-action'
import { ErrorNotice } from './error-notice'
import { Toggle } from './toggle'

/**
 * 我的 · 一键呼叫 on/off. People flagged elderly, living alone or needing care always have the
 * button (the switch shows on and says why it cannot be turned off); anyone else may turn it on.
 */
export function SosSwitch({ me }: { me: TMe }) {
  const [state, setState] = useState<{ available: boolean; enabledByMe: boolean } | null>(null)
  const save = useAction('sos-setting', (enabled: boolean, key: string) => setMySos(enabled, key))
  const loading = useRef(false)
  const load = useRef(() => {})
  load.current = () => {
    if (loading.current) return // mount and first show together: one request
    loading.current = true
    getMySos()
      .then(
        (r) => setState({ available: r.available, enabledByMe: r.enabledByMe }),
        () => undefined, // the switch stays as it was; changing it shows the real error
      )
      .finally(() => {
        loading.current = false
      })
  }
  useEffect(() => load.current(), [])
  useDidShow(() => load.current())

  const flags = me.person.flags
  const reasons = flagLabels(flags)
  // on because of who the person is (or the server says so without their switch): cannot be turned off
  const forced = sosAvailable({ ...flags, sosEnabled: false }) || Boolean(state && state.available && !state.enabledByMe)
  const on = forced || Boolean(state?.available)

  const onChange = async (next: boolean) => {
    if (save.busy || !state) return
    if (forced && !next) {
      Taro.showToast({ title: '一键呼叫不能关闭', icon: 'none', duration: 2000 })
      return
    }
    const res = await save.run(next)
    if (res.ok) setState(res.value)
  }

  return (
    <View className="xyj-section" data-testid="me-sos">
      <Text className="xyj-section__title">一键呼叫</Text>
      <Toggle label="首页显示「一键呼叫」按钮" checked={on} onChange={(v) => void onChange(v)} testId="me-sos-switch" />
      <Text className="muted" data-testid="me-sos-note" data-forced={forced ? 'true' : 'false'}>
        {forced
          ? `${reasons.length ? `您登记为${reasons.join('、')}，` : ''}一键呼叫始终开启，不能关闭。连按两次就会通知院长和联户党员。`
          : on
            ? '已开启。在首页连按两次按钮，就会通知院长和联户党员。'
            : '开启后，首页会有一个红色大按钮，遇到急事连按两次就能叫人。'}
      </Text>
      <ErrorNotice error={save.error} testId="me-sos-error" />
    </View>
  )
}
