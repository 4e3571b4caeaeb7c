import { PlatformCancelled, PlatformUnavailable, type Platform, type PlatformOverride } from './types'

declare global {
  interface Window {
    __XYJ_PLATFORM__?: PlatformOverride
  }
}

function override(): PlatformOverride | undefined {
  return typeof window === 'undefined' ? undefined : window.__XYJ_PLATFORM__
}

/**
 * The H5 host. WeChat login, scanning and subscribe messages do not exist in a plain
 * browser; `window.__XYJ_PLATFORM__` (browser tests, a future JS-SDK bridge) may provide
 * them. Read on every call so a test may install it at any time.
 */
export const browserPlatform: Platform = {
  get canWechatLogin() {
    return typeof override()?.login === 'function'
  },
  get canScan() {
    return typeof override()?.scanCode === 'function'
  },
  get canSubscribe() {
    return typeof override()?.requestSubscribeMessage === 'function'
  },
  async login() {
    const o = override()
    if (!o?.login) throw new PlatformUnavailable('login')
    return o.login()
  },
  async scanCode() {
    const o = override()
    if (!o?.scanCode) throw new PlatformUnavailable('scanCode')
    const res = await o.scanCode()
    if (!res || typeof res.result !== 'string') throw new PlatformCancelled()
    return res
  },
  async requestSubscribeMessage(templateIds) {
    const o = override()
    if (!o?.requestSubscribeMessage) return Object.fromEntries(templateIds.map((id) => [id, 'reject']))
    return o.requestSubscribeMessage(templateIds)
  },
}
