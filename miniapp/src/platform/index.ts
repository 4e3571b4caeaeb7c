/**
 * The one module that wraps host-only calls (wx.login, wx.scanCode,
 * wx.requestSubscribeMessage). Pages import `platform` from here and nothing else, so the
 * H5 build, browser tests and unit tests can substitute the host.
 */
import { browserPlatform } from './browser'
import { wechatPlatform } from './wechat'
import type { Platform } from './types'

export * from './types'

// process.env.TARO_ENV is replaced at build time, so the other branch is dropped.
const hostPlatform: Platform = process.env.TARO_ENV === 'weapp' ? wechatPlatform : browserPlatform

let current: Platform = hostPlatform

export const platform: Platform = {
  get canWechatLogin() {
    return current.canWechatLogin
  },
  get canScan() {
    return current.canScan
  },
  get canSubscribe() {
    return current.canSubscribe
  },
  login: () => current.login(),
  scanCode: () => current.scanCode(),
  requestSubscribeMessage: (ids) => current.requestSubscribeMessage(ids),
}

/** Unit tests: replace the host; call with no argument to restore it. */
export function setPlatform(p?: Platform): void {
  current = p ?? hostPlatform
}
