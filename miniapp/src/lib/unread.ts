import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { getUnreadCount } from '../api/inbox'
import { getToken } from '../api/session'

/**
 * 未读消息数, shared by every badge (首页 card, 我的 row) and the inbox page: when the inbox
 * marks something read, the badges change at once, before their pages show again. Keyed by
 * token so a new sign-in never shows the previous person's count.
 */
let state: { token: string; unread: number } | null = null
const listeners = new Set<(n: number | null) => void>()

export function currentUnread(): number | null {
  const token = getToken()
  return token && state?.token === token ? state.unread : null
}

export function setUnread(unread: number): void {
  const token = getToken()
  if (!token) return
  state = { token, unread: Math.max(0, unread) }
  for (const l of listeners) l(state.unread)
}

/** Asks the server again; a failure keeps the last count (the badge is only a hint). */
export async function refreshUnread(): Promise<number | null> {
  if (!getToken()) return null
  try {
    const { unread } = await getUnreadCount()
    setUnread(unread)
    return unread
  } catch {
    return currentUnread()
  }
}

/** The badge number, refreshed every time the page shows. */
export function useUnread(): number | null {
  const [unread, set] = useState<number | null>(currentUnread)
  useEffect(() => {
    listeners.add(set)
    return () => {
      listeners.delete(set)
    }
  }, [])
  useDidShow(() => {
    void refreshUnread()
  })
  return unread
}
