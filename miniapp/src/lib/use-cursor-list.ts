import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { toAppError } from '../api/request'
import { getToken } from '../api/session'
import { goToLogin } from './navigation'

type TPage = { items: { id: string }[]; nextCursor: string | null }

/**
 * A list paged by cursor: the first page on every show and on pull-down, the next one at the
 * bottom or on 加载更多 (items already shown are not repeated). Answers of an older load must
 * not overwrite a newer one (pull-down while paging). `onPage` sees every page that counts
 * (a balance, an unread count); `onRefresh` starts what goes along with a fresh load.
 */
export function useCursorList<P extends TPage>(
  fetchPage: (cursor: string | null) => Promise<P>,
  o: { onPage?: (page: P) => void; onRefresh?: (current: () => boolean) => void; toLogin?: boolean } = {},
) {
  type T = P['items'][number]
  const [items, setItems] = useState<T[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)

  const refresh = async () => {
    if (!getToken()) return o.toLogin === false ? undefined : goToLogin()
    const gen = ++generation.current
    o.onRefresh?.(() => gen === generation.current)
    try {
      const page = await fetchPage(null)
      if (gen !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      o.onPage?.(page)
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
      const page = await fetchPage(cursor)
      if (gen !== generation.current) return
      setItems((list) => {
        const have = new Set((list ?? []).map((i) => i.id))
        return [...(list ?? []), ...page.items.filter((i) => !have.has(i.id))]
      })
      setCursor(page.nextCursor)
      o.onPage?.(page)
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

  return { items, setItems, cursor, error, setError, loadingMore, loadMore }
}
