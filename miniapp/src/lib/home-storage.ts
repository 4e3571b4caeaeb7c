import Taro from '@tarojs/taro'

// One key per person: on a shared phone the next person starts on their own default.
const keyOf = (personId: string) => `xyj.home.${personId}`

/** The home this person last switched to on 首页, or null. */
export function rememberedHome(personId: string): string | null {
  try {
    const v: unknown = Taro.getStorageSync(keyOf(personId))
    return typeof v === 'string' && v ? v : null
  } catch {
    return null // storage unreadable: the default home
  }
}

export function rememberHome(personId: string, home: string): void {
  try {
    Taro.setStorageSync(keyOf(personId), home)
  } catch {
    // not remembered this time; the switch still works
  }
}
