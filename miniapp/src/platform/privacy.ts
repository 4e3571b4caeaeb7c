import Taro from '@tarojs/taro'

/**
 * WeChat's 隐私授权 (小程序隐私协议开发指南): with `__usePrivacyCheck__` on, a privacy API
 * (chooseMedia, getLocation, the clipboard…) first fires `wx.onNeedPrivacyAuthorization`; the
 * app shows its own popup whose 同意 is a `<Button open-type="agreePrivacyAuthorization">`,
 * then calls `resolve({ event: 'agree', buttonId })` and the API goes on. In a browser there is
 * nothing to authorise: every call here is a no-op.
 */
type TResolve = (r: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void
type TWx = {
  onNeedPrivacyAuthorization?: (fn: (resolve: TResolve, info: { referrer?: string }) => void) => void
  requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void
}
declare const wx: TWx | undefined

/** The id the 同意 button carries: WeChat checks it was tapped before `agree` counts. */
export const PRIVACY_AGREE_BUTTON = 'privacy-agree'

let pending: TResolve | null = null
const listeners = new Set<(open: boolean) => void>()
let fallback: (() => void) | null = null

const host = (): TWx | null => (process.env.TARO_ENV === 'weapp' && typeof wx !== 'undefined' ? wx : null)

/**
 * Once at start (app.tsx). When WeChat asks and no popup is on the page, `onOrphan` opens a
 * page that has one (a privacy API is waiting; it goes on after 同意).
 */
export function installPrivacyAuthorization(onOrphan: () => void): void {
  const w = host()
  if (!w?.onNeedPrivacyAuthorization) return
  fallback = onOrphan
  w.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    if (listeners.size) listeners.forEach((l) => l(true))
    else fallback?.()
  })
}

/** A popup on the page listens: `open` true when WeChat waits for an answer. Returns the unsubscribe. */
export function watchPrivacyPrompt(fn: (open: boolean) => void): () => void {
  listeners.add(fn)
  if (pending) fn(true)
  return () => listeners.delete(fn)
}

/** The popup's answer: after the open-type button fired (agree) or 不同意. */
export function answerPrivacyPrompt(agree: boolean): void {
  const resolve = pending
  pending = null
  resolve?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON } : { event: 'disagree' })
  listeners.forEach((l) => l(false))
}

/** Asks WeChat's authorisation now (on the login page, with our own consent); resolves at once in a browser or when already given. */
export function requirePrivacyAuthorization(): Promise<boolean> {
  const w = host()
  if (!w?.requirePrivacyAuthorize) return Promise.resolve(true)
  return new Promise((resolve) => w.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) }))
}

/**
 * 下载我的数据: in a browser a file download; in WeChat the file is written to the app's own
 * folder and the text copied (a JSON file has no viewer there). Returns what happened, for the page to say.
 */
export async function saveDataFile(name: string, text: string): Promise<'downloaded' | 'copied'> {
  if (process.env.TARO_ENV === 'weapp') {
    const fs = Taro.getFileSystemManager()
    await new Promise<void>((resolve, reject) =>
      fs.writeFile({ filePath: `${Taro.env.USER_DATA_PATH}/${name}`, data: text, encoding: 'utf8', success: () => resolve(), fail: reject }),
    )
    await Taro.setClipboardData({ data: text })
    return 'copied'
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return 'downloaded'
}
