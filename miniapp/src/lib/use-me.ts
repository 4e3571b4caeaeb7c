import { useDidShow } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { getMe, type TMe } from '../api/me'
import { toAppError } from '../api/request'
import { getToken } from '../api/session'
import { goToConsent, goToLogin } from './navigation'

// Last /api/me answer, keyed by token so a new sign-in never shows the previous person.
let cache: { token: string; me: TMe } | null = null

function cached(): TMe | null {
  const token = getToken()
  return token && cache?.token === token ? cache.me : null
}

/** After agreeing again: the next page reads /api/me afresh. */
export function forgetMe(): void {
  cache = null
}

/**
 * The signed-in person, reloaded every time the page shows (roles change when a head
 * approves someone). No token → the login page.
 */
export function useMe(onLoaded?: (me: TMe) => void) {
  const [me, setMe] = useState<TMe | null>(cached)
  const [error, setError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)

  const reload = useCallback(async (): Promise<TMe | null> => {
    const token = getToken()
    if (!token) {
      goToLogin()
      return null
    }
    setLoading(true)
    try {
      const fresh = await getMe()
      cache = { token, me: fresh }
      // 协议更新: someone who agreed to an older version agrees again before going on
      if (!fresh.consent.agreed) {
        goToConsent()
        return null
      }
      setMe(fresh)
      setError(null)
      onLoaded?.(fresh)
      return fresh
    } catch (err) {
      setError(toAppError(err))
      return null
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => {
    void reload()
  })

  return { me, error, loading, reload }
}
