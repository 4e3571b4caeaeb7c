import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { listMySessions, revokeMySession, type TMySession } from '../../api/admin-login'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import '../account.scss'

const HOW: Record<TMySession['method'], string> = { wechat: '微信登录', dev: '演示登录', qr: '扫码登录' }

/** 登录设备: where I am signed in (this phone, computers signed in by 扫码登录), each with 退出登录. */
export default function DevicesPage() {
  const [items, setItems] = useState<TMySession[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const revoke = useAction('revoke-session', (id: string, key: string) => revokeMySession(id, key))

  const load = async () => {
    try {
      setItems((await listMySessions()).items)
      setError(null)
    } catch (err) {
      setError(toAppError(err))
    }
  }
  useDidShow(() => void load())

  const end = async (id: string) => {
    const r = await revoke.run(id)
    if (r.ok) await load()
  }

  return (
    <View className="page account" data-testid="devices">
      <Text className="page-subtitle">这些设备正登录着您的账号。不认识或不再使用的，请让它退出登录。</Text>
      <ErrorNotice error={error ?? revoke.error} testId="devices-error" />
      {items === null && !error ? <Text className="muted">正在加载…</Text> : null}
      {items?.map((s) => (
        <View key={s.id} className="account__card" data-testid="device" data-method={s.method} data-current={s.current ? 'true' : 'false'}>
          <View className="account__line">
            <Text className="account__device" data-testid="device-name">
              {s.device}
            </Text>
            {s.current ? <Text className="chip chip--on">本机</Text> : null}
          </View>
          <Text className="account__meta">{`${HOW[s.method]} · ${formatTime(s.createdAt)} 登录 · 最近使用 ${formatTime(s.lastSeenAt)}`}</Text>
          {!s.current ? (
            <Button className="btn btn-small" size="large" block loading={revoke.busy} data-testid="device-revoke" onClick={() => void end(s.id)}>
              退出登录
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  )
}
