import Taro from '@tarojs/taro'
import { PlatformCancelled, type Platform } from './types'

function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: string } | undefined)?.errMsg ?? ''
  return /cancel/i.test(msg)
}

/** The mini-program host: the only place that calls WeChat-only APIs. */
export const wechatPlatform: Platform = {
  canWechatLogin: true,
  canScan: true,
  canSubscribe: true,
  async login() {
    const res = await Taro.login()
    if (!res.code) throw new Error(res.errMsg || 'wx.login returned no code')
    return { code: res.code }
  },
  async scanCode() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false })
      return { result: res.result ?? '', path: res.path || undefined }
    } catch (err) {
      if (isCancel(err)) throw new PlatformCancelled()
      throw err
    }
  },
  async requestSubscribeMessage(templateIds) {
    // Taro's type wants Alipay's entityIds too; WeChat takes only tmplIds.
    const res = await Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option)
    const out: Record<string, string> = {}
    const answers = res as unknown as Record<string, unknown>
    for (const id of templateIds) out[id] = String(answers[id] ?? 'reject')
    return out
  },
}
