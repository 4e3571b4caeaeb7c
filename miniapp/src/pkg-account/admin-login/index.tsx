import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { adminLoginTicketFrom } from '../../../../shared/domain/admin-login'
import { AppError } from '../../../../shared/errors'
import { cancelAdminLogin, confirmAdminLogin, scanAdminLogin, type TAdminLoginScan } from '../../api/admin-login'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import '../account.scss'

const DONE_TEXT: Partial<Record<TAdminLoginScan['state'], string>> = {
  confirmed: '已确认，电脑上的管理后台已登录。不用时可在「我的 · 登录设备」里让它退出。',
  consumed: '已确认，电脑上的管理后台已登录。不用时可在「我的 · 登录设备」里让它退出。',
  cancelled: '已取消，电脑没有登录。',
}

/**
 * 扫码登录管理后台: opened by the back office's QR (its mini-program code carries the scene
 * `a=<ticket>`; the plain QR the H5 link with it). Shows which browser asks and when, then
 * 确认登录 lets that browser in as this person, or 取消. Only 院长, 村干部 and 镇街管理员 may;
 * the server says so in Chinese to anyone else.
 */
export default function AdminLoginPage() {
  const { params } = useRouter()
  const [ticketId] = useState(() => adminLoginTicketFrom(params.scene ?? params.t ?? ''))
  const [ticket, setTicket] = useState<TAdminLoginScan | null>(null)
  const scan = useAction('admin-login-scan', (id: string, key: string) => scanAdminLogin(id, key))
  const confirm = useAction('admin-login-confirm', (id: string, key: string) => confirmAdminLogin(id, key))
  const cancel = useAction('admin-login-cancel', (id: string, key: string) => cancelAdminLogin(id, key))

  useEffect(() => {
    if (!ticketId) return
    void scan.run(ticketId).then((r) => r.ok && setTicket(r.value))
  }, [ticketId])

  const decide = async (how: 'confirm' | 'cancel') => {
    if (!ticketId) return
    const r = await (how === 'confirm' ? confirm : cancel).run(ticketId)
    if (r.ok) setTicket(r.value)
  }

  const error = ticketId ? (scan.error ?? confirm.error ?? cancel.error) : new AppError('ADMIN_LOGIN_NOT_FOUND')
  const done = ticket ? DONE_TEXT[ticket.state] : undefined
  const waiting = ticket && (ticket.state === 'scanned' || ticket.state === 'pending')

  return (
    <View className="page account" data-testid="admin-login">
      <Text className="page-title">在电脑上登录小院家管理后台？</Text>
      <ErrorNotice error={error} testId="admin-login-error" />
      {ticket ? (
        <View className="account__card" data-testid="admin-login-ticket" data-state={ticket.state}>
          <View className="account__line">
            <Text className="account__label">设备</Text>
            <Text className="account__value" data-testid="admin-login-device">
              {ticket.device}
            </Text>
          </View>
          <View className="account__line">
            <Text className="account__label">时间</Text>
            <Text className="account__value">{formatTime(ticket.createdAt)}</Text>
          </View>
          <View className="account__line">
            <Text className="account__label">有效期至</Text>
            <Text className="account__value">{formatTime(ticket.expiresAt)}</Text>
          </View>
          <Text className="account__note">请确认是您本人正在电脑前登录。不认识的设备请点「取消」。</Text>
        </View>
      ) : !error ? (
        <Text className="muted">正在读取二维码…</Text>
      ) : null}

      {waiting ? (
        <View className="account__actions">
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={confirm.busy}
            data-testid="admin-login-confirm"
            onClick={() => void decide('confirm')}
          >
            确认登录
          </Button>
          <Button className="btn" size="xlarge" block loading={cancel.busy} data-testid="admin-login-cancel" onClick={() => void decide('cancel')}>
            取消
          </Button>
        </View>
      ) : null}

      {done ? (
        <>
          <Text className="account__done" data-testid="admin-login-done">
            {done}
          </Text>
          <Button className="btn" size="xlarge" block data-testid="admin-login-back" onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
            回到我的
          </Button>
        </>
      ) : null}
    </View>
  )
}
