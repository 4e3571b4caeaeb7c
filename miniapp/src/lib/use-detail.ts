import { useRef, useState } from 'react'
import { AppError } from '../../../shared/errors'
import { toAppError } from '../api/request'
import { getToken } from '../api/session'
import { goToLogin } from './navigation'
import { useLoadOnShow } from './use-load-on-show'

/**
 * A detail page's item, loaded on every show and on pull-down, then its side lists (`side`).
 * A newer load wins: `current()` tells a side loader whether its answer still counts, and an
 * error from either lands in `error`.
 */
export function useDetail<T>(o: { id: string; notFound: string; get: (id: string) => Promise<T>; side: (item: T, current: () => boolean) => Promise<void> }) {
  const [item, setItem] = useState<T | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const generation = useRef(0)

  const loadSide = async (it: T, gen: number) => {
    try {
      await o.side(it, () => gen === generation.current)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  const load = async () => {
    if (!getToken()) return goToLogin()
    if (!o.id) return setError(new AppError('NOT_FOUND', { message: o.notFound }))
    const gen = ++generation.current
    try {
      const it = await o.get(o.id)
      if (gen !== generation.current) return
      setItem(it)
      setError(null)
      await loadSide(it, gen)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  useLoadOnShow(load)

  /** Reloads the side lists only (after an action changed the item), dropping older answers. */
  const reloadSide = (it: T) => loadSide(it, ++generation.current)

  return { item, setItem, error, setError, load, reloadSide }
}
