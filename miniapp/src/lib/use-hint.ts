import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/**
 * A 首页 card's figure: fetched when the card mounts and whenever its page shows again (cards
 * appear after the page has shown, once /api/me is in, and Taro calls useDidShow only for later
 * shows). Mount and first show together make one request. A failed fetch gives null: the card
 * keeps its plain words and the page behind it shows the real error.
 */
export function useHint<T>(fetch: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null)
  const busy = useRef(false)
  const load = useRef(() => {})
  load.current = () => {
    if (busy.current) return
    busy.current = true
    fetch()
      .then(setValue, () => setValue(null))
      .finally(() => {
        busy.current = false
      })
  }
  useEffect(() => load.current(), [])
  useDidShow(() => load.current())
  return value
}
