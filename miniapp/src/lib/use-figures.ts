import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { toAppError } from '../api/request'

/**
 * A statistics page's figures for what is chosen now (`query.key` names the place and the period;
 * null while nothing is chosen): loaded when the key changes and on pull-down (after `reloadMe`). Only
 * the answer for the latest choice is kept, so a slow answer for an earlier one never shows
 * under the new heading.
 */
export function useFigures<T>(query: { key: string; fetch: () => Promise<T> } | null, reloadMe: () => Promise<unknown>) {
  const [figures, setFigures] = useState<T | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)
  const want = useRef('')

  const load = async () => {
    if (!query) return
    const { key, fetch } = query
    want.current = key
    setLoading(true)
    try {
      const res = await fetch()
      if (want.current === key) {
        setFigures(res)
        setError(null)
      }
    } catch (err) {
      if (want.current === key) setError(toAppError(err))
    } finally {
      setLoading(false)
    }
  }

  useEffect(() => {
    void load()
  }, [query?.key])

  usePullDownRefresh(async () => {
    await reloadMe()
    await load()
    Taro.stopPullDownRefresh()
  })

  return { figures, error, loading }
}
