import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { systemFontScale } from '../platform'

const STORAGE_KEY = 'xyj.elderMode'

/**
 * WeChat text this much larger than standard turns 长辈模式 on until the person chooses in 我的:
 * +3 on a 375 px iPhone (21 px, 1.24×) and 关怀模式 (23.8 px, 1.4×) do; +1 and +2 do not.
 */
export const ELDER_FONT_SCALE = 1.2

/** The person's own choice in 我的 (kept on the phone), else what WeChat's text size says. */
export function elderModeOn(): boolean {
  try {
    const saved: unknown = Taro.getStorageSync(STORAGE_KEY)
    if (saved === 'on') return true
    if (saved === 'off') return false
  } catch {
    // storage unreadable: follow WeChat
  }
  return (systemFontScale() ?? 1) >= ELDER_FONT_SCALE
}

const listeners = new Set<(on: boolean) => void>()

/** 我的 · 长辈模式: remembered on this phone; every mounted page follows at once. */
export function setElderMode(on: boolean): void {
  Taro.setStorageSync(STORAGE_KEY, on ? 'on' : 'off')
  listeners.forEach((l) => l(on))
}

/**
 * 长辈模式 for a page: `className` ('elder' or '') goes on the page's root view, where
 * styles/elder.scss makes text and buttons larger. Read again whenever the page shows.
 */
export function useElderMode(): { on: boolean; className: string } {
  const [on, setOn] = useState(elderModeOn)
  useEffect(() => {
    listeners.add(setOn)
    return () => void listeners.delete(setOn)
  }, [])
  useDidShow(() => setOn(elderModeOn()))
  return { on, className: on ? 'elder' : '' }
}
