import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { adminVillages } from '../../api/me'
import { listForVillage, retryNotification, type TNotificationSummary } from '../../api/notifications'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Button, Tag } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { failureSummary, pushStateLabel, templateLabel } from '../../lib/templates'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { VillageChips } from '../../components/village-chips'
import { StaffReachSection } from './staff-reach'
import './index.scss'

/**
 * 后台 · 通知发送情况: the notifications of a cadre's village that could not be delivered,
 * each with 重发. Also used on a desktop through the H5 build (wide screens get two columns).
 */
export default function NotificationsAdminPage() {
  const { params } = useRouter()
  const { me, error: meError, reload } = useMe()
  // 村干部 (their village) and 镇街管理员 (any village of their township)
  const choice = useVillageChoice(me, adminVillages, { initialId: params.villageId, township: true })
  const villageId = choice.villageId
  const [items, setItems] = useState<TNotificationSummary[] | null>(null)
  const [listError, setListError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)
  // bumped by reloadAll: the staff section loads again with the list
  const [refresh, setRefresh] = useState(0)
  const villageRef = useRef<string | null>(villageId)
  villageRef.current = villageId

  const load = async (id: string | null) => {
    if (!id) return
    setLoading(true)
    try {
      setItems((await listForVillage(id, 'failed')).items)
      setListError(null)
    } catch (err) {
      setListError(toAppError(err))
    } finally {
      setLoading(false)
    }
  }

  // a reload asked for (刷新, back to the page, pull-down) reloads the staff section too
  const reloadAll = (id: string | null) => {
    setRefresh((n) => n + 1)
    return load(id)
  }

  useEffect(() => {
    setItems(null)
    void load(villageId)
  }, [villageId])
  // every later show (back from elsewhere) reloads; the first is the mount, covered above
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reloadAll(villageRef.current)
    shown.current = true
  })

  usePullDownRefresh(async () => {
    await reload()
    await reloadAll(villageRef.current)
    Taro.stopPullDownRefresh()
  })

  const villages = choice.villages
  const village = choice.village

  return (
    <View className="page admin">
      <ErrorNotice error={meError ?? choice.error} testId="notifications-me-error" />

      {me && !choice.pending && !villages.length ? (
        <Text className="muted" data-testid="notifications-not-staff">
          只有村干部可以查看本村的通知发送情况。
        </Text>
      ) : null}

      {village ? (
        <View className="admin__head">
          <View className="admin__heading">
            <Text className="page-title">{`${village.name} · 发送失败的通知`}</Text>
            <Text className="admin__intro">这些通知没有送到。站内「消息」通常已经收到，失败的多是微信提醒。点「重发」会再发一次。</Text>
          </View>
          <Button
            className="btn-small admin__refresh"
            size="large"
            loading={loading}
            data-testid="notifications-refresh"
            onClick={() => void reloadAll(villageId)}
          >
            刷新
          </Button>
        </View>
      ) : null}

      <VillageChips choice={choice} testId="notifications-village" />

      <ErrorNotice error={listError} testId="notifications-error" />

      {items && !items.length ? (
        <View className="admin__empty" data-testid="notifications-empty">
          <Text className="admin__empty-text">没有发送失败的通知</Text>
        </View>
      ) : null}
      {!items && loading ? <Text className="muted">正在加载…</Text> : null}

      <View className="admin__list">
        {items?.map((n) => (
          <NotificationItem key={n.id} item={n} onStale={() => load(villageId)} />
        ))}
      </View>

      {villageId ? <StaffReachSection villageId={villageId} refresh={refresh} /> : null}
    </View>
  )
}

function NotificationItem({ item, onStale }: { item: TNotificationSummary; onStale: () => void }) {
  const [current, setCurrent] = useState(item)
  useEffect(() => setCurrent(item), [item])
  const retry = useAction('retry-notification', (id: string, key: string) => retryNotification(id, key))
  const resent = current.state !== 'failed'

  const onRetry = async () => {
    const res = await retry.run(current.id)
    if (res.ok) {
      setCurrent(res.value)
      Taro.showToast({ title: '已重新发送', icon: 'success', duration: 1500 })
    } else if ('error' in res && (res.error.code === 'NOTIFICATION_NOT_FAILED' || res.error.code === 'NOT_FOUND')) {
      // someone else resent it, or it went through meanwhile: show why, then refresh the list
      setTimeout(onStale, 1500)
    }
  }

  return (
    <View className="admin-item" data-testid="notification-item" data-id={current.id} data-state={current.state}>
      <View className="admin-item__head">
        <Text className="admin-item__name">{current.recipient.name}</Text>
        <Tag type="primary" className="admin-item__tag">
          {templateLabel(current.template)}
        </Tag>
      </View>
      <Text className="admin-item__line">{`创建于 ${formatTime(current.createdAt)} · 已尝试 ${current.attempts} 次`}</Text>
      <Text className="admin-item__line">{`微信提醒：${pushStateLabel(current.pushState)}`}</Text>
      {current.lastError ? (
        <View className="admin-item__error" data-testid="notification-last-error">
          <Text>{`失败原因：${failureSummary(current.lastError)}`}</Text>
          <Text className="admin-item__detail" userSelect>
            {current.lastError}
          </Text>
        </View>
      ) : null}

      <ErrorNotice error={retry.error} testId="notification-error" />

      {resent ? (
        <Text className="admin-item__resent" data-testid="notification-resent">
          已重新发送，稍后刷新可看结果
        </Text>
      ) : (
        <Button
          className="btn-small admin-item__retry"
          type="primary"
          size="large"
          block
          loading={retry.busy}
          data-testid="notification-retry"
          onClick={onRetry}
        >
          重发
        </Button>
      )}
    </View>
  )
}
