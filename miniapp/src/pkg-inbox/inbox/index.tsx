import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { listInbox, markAllRead, markRead, type TInboxItem } from '../../api/inbox'
import { toAppError } from '../../api/request'
import { ErrorNotice } from '../../components/error-notice'
import { Button, Tag } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { newIdempotencyKey } from '../../lib/idempotency'
import { openPage } from '../../lib/navigation'
import { isAppPage } from '../../lib/routes'
import { setUnread } from '../../lib/unread'
import { useAction } from '../../lib/use-action'
import { useCursorList } from '../../lib/use-cursor-list'
import { useElderMode } from '../../lib/elder-mode'
import './index.scss'

const PAGE_SIZE = 20
/** sos (100) and bin_task (50) are the ones that cannot wait. */
const URGENT_PRIORITY = 50

/** 消息: the in-app inbox. Every notification lands here, WeChat push or not. */
export default function InboxPage() {
  const elder = useElderMode()
  const [unread, setUnreadHere] = useState(0)

  const applyUnread = (n: number) => {
    setUnreadHere(n)
    setUnread(n) // the badges on 首页 / 我的 follow at once
  }

  const { items, setItems, cursor, error, setError, loadingMore, loadMore } = useCursorList((cursor: string | null) => listInbox(cursor, PAGE_SIZE), {
    onPage: (page) => applyUnread(page.unread),
  })

  const readAll = useAction('inbox-read-all', (_: void, key: string) => markAllRead(key))

  const open = async (item: TInboxItem) => {
    if (!item.read) {
      // shown as read at once; the server's count settles the badge. Marking read is
      // idempotent in itself, so each tap simply gets its own key.
      setItems((list) => list?.map((i) => (i.id === item.id ? { ...i, read: true } : i)) ?? list)
      try {
        applyUnread((await markRead(item.id, newIdempotencyKey())).unread)
      } catch (err) {
        setItems((list) => list?.map((i) => (i.id === item.id ? { ...i, read: false } : i)) ?? list)
        setError(toAppError(err))
      }
    }
    // the link is followed even when marking read failed: what the message is about matters more
    if (isAppPage(item.link)) openPage(item.link)
  }

  const onReadAll = async () => {
    const res = await readAll.run(undefined)
    if (res.ok) {
      setItems((list) => list?.map((i) => ({ ...i, read: true })) ?? list)
      applyUnread(res.value.unread)
      Taro.showToast({ title: '已全部标为已读', icon: 'none', duration: 1500 })
    }
  }

  return (
    <View className={`page inbox ${elder.className}`}>
      <View className="inbox__head">
        <Text className="inbox__summary" data-testid="inbox-unread" data-unread={String(unread)}>
          {items === null ? '正在加载…' : unread > 0 ? `${unread} 条未读` : '没有未读消息'}
        </Text>
        <Button
          className="btn-small inbox__read-all"
          size="large"
          disabled={!unread || readAll.busy}
          loading={readAll.busy}
          data-testid="inbox-read-all"
          onClick={onReadAll}
        >
          全部已读
        </Button>
      </View>

      <ErrorNotice error={error ?? readAll.error} testId="inbox-error" />

      {items && !items.length ? (
        <View className="inbox__empty" data-testid="inbox-empty">
          <Text className="inbox__empty-title">还没有消息</Text>
          <Text className="muted">院长审核、找院长的回复、积分兑换等消息都会出现在这里。</Text>
        </View>
      ) : null}

      {items?.map((item) => (
        <View
          key={item.id}
          className={`inbox-item ${item.read ? 'inbox-item--read' : 'inbox-item--unread'}`}
          data-testid="inbox-item"
          data-id={item.id}
          data-read={item.read ? 'true' : 'false'}
          data-template={item.template}
          onClick={() => void open(item)}
        >
          <View className="inbox-item__head">
            {!item.read ? <View className="inbox-item__dot" /> : null}
            <Text className="inbox-item__title">{item.title}</Text>
            {!item.read ? <Text className="inbox-item__new">未读</Text> : null}
            {item.priority >= URGENT_PRIORITY ? (
              <Tag type="danger" className="inbox-item__tag">
                紧急
              </Tag>
            ) : null}
          </View>
          <Text className="inbox-item__body">{item.body}</Text>
          <View className="inbox-item__foot">
            <Text className="inbox-item__time">{formatTime(item.createdAt)}</Text>
            {isAppPage(item.link) ? <Text className="inbox-item__go">查看 ›</Text> : null}
          </View>
        </View>
      ))}

      {cursor ? (
        <Button className="btn" size="large" block loading={loadingMore} data-testid="inbox-more" onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : items && items.length > 0 ? (
        <Text className="inbox__end">没有更早的消息了</Text>
      ) : null}
    </View>
  )
}
