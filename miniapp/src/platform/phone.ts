import Taro from '@tarojs/taro'

type TCaller = (phone: string) => Promise<void>
let replaced: TCaller | null = null

/**
 * 打电话: wx.makePhoneCall in the mini-program (WeChat asks before dialling); in a browser
 * `window.__XYJ_PLATFORM__.makePhoneCall` when a test or bridge provides it, else a tel: link,
 * which phones dial and desktops hand to their phone app. Closing WeChat's sheet is no error.
 */
export async function callPhone(phone: string): Promise<void> {
  if (replaced) return replaced(phone)
  if (process.env.TARO_ENV === 'weapp') {
    try {
      await Taro.makePhoneCall({ phoneNumber: phone })
    } catch (err) {
      if (!/cancel/i.test((err as { errMsg?: string } | undefined)?.errMsg ?? '')) throw err
    }
    return
  }
  const o = typeof window === 'undefined' ? undefined : window.__XYJ_PLATFORM__
  if (o?.makePhoneCall) return o.makePhoneCall(phone)
  window.location.href = `tel:${phone}`
}

/** Unit tests: replace the dialler; call with no argument to restore it. */
export function setPhoneCaller(fn?: TCaller): void {
  replaced = fn ?? null
}
