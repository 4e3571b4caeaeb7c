import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { listMyRequests, type TRequestItem } from '../../api/requests'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { goToLogin, openPage } from '../../lib/navigation'
import { REQUEST_ROUTES } from '../../lib/request-routes'
import { RequestCard } from '../components/request-card'
import '../components/request.scss'

const PAGE_SIZE = 20

/** 我的事项: what I sent to the courtyard head, newest first, each with where it stands. */
export default function MyRequestsPage() {
  const [items, setItems] = useState<TRequestItem[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  // answers of an older load must not overwrite a newer one (pull-down while paging)
  const generation = useRef(0)

  const refresh = async () => {
    if (!getToken()) return goToLogin()
    const gen = ++generation.current
    try {
      const page = await listMyRequests(null, PAGE_SIZE)
      if (gen !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setError(null)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  const loadMore = async () => {
    if (!cursor || loadingMore) return
    const gen = generation.current
    setLoadingMore(true)
    try {
      const page = await listMyRequests(cursor, PAGE_SIZE)
      if (gen !== generation.current) return
      setItems((list) => {
        const have = new Set((list ?? []).map((i) => i.id))
        return [...(list ?? []), ...page.items.filter((i) => !have.has(i.id))]
      })
      setCursor(page.nextCursor)
      setError(null)
    } catch (err) {
      setError(toAppError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  useDidShow(() => {
    void refresh()
  })
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void loadMore()
  })

  return (
    <View className='page req-mine'>
      <Button className='btn' type='primary' size='xlarge' block data-testid='request-mine-new' onClick={() => openPage(REQUEST_ROUTES.new)}>
        找院长
      </Button>
      <ErrorNotice error={error} testId='request-mine-error' />
      {items === null && !error ? <Text className='muted'>正在加载…</Text> : null}
      {items && !items.length ? (
        <Text className='xyj-empty' data-testid='request-mine-empty'>
          还没有找过院长。有事点上面的按钮说一声。
        </Text>
      ) : null}
      {items?.map((r) => <RequestCard key={r.id} item={r} />)}
      {cursor ? (
        <Button className='btn' size='large' block loading={loadingMore} data-testid='request-mine-more' onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : items && items.length > 0 ? (
        <Text className='muted' style={{ textAlign: 'center' }}>
          没有更早的事项了
        </Text>
      ) : null}
    </View>
  )
}
