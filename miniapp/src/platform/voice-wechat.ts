import { PlatformUnavailable, type TVoiceSession, type VoiceHost } from './types'

/** WeChat's global for plugins (declared in app.config.ts under pkg-request). */
declare const requirePlugin: ((name: string) => unknown) | undefined

/** What 同声传译 (WechatSI) gives: one recogniser per app, callbacks set as properties. */
type TRecognitionManager = {
  start(opts: { duration: number; lang: string }): void
  stop(): void
  onStop: ((res: { result?: string }) => void) | null
  onError: ((res: { retcode?: number; msg?: string }) => void) | null
}

let manager: TRecognitionManager | null | undefined

function recognitionManager(): TRecognitionManager | null {
  if (manager !== undefined) return manager
  try {
    const si = typeof requirePlugin === 'function' ? (requirePlugin('WechatSI') as { getRecordRecognitionManager?: () => TRecognitionManager }) : null
    manager = si?.getRecordRecognitionManager?.() ?? null
  } catch {
    manager = null // plugin not added to the mini-program in 公众平台: no voice, typing still works
  }
  return manager
}

/** WeChat allows one minute per recording; a longer message is two presses. */
const MAX_MS = 60_000

/**
 * 同声传译: start() on press, stop() on release; the whole sentence arrives in onStop. A
 * recording cut at one minute stops by itself: onStop then comes before stop(), and stop()
 * answers with what was heard.
 */
export const wechatVoice: VoiceHost = {
  get canListen() {
    return recognitionManager() !== null
  },
  async listen(): Promise<TVoiceSession> {
    const m = recognitionManager()
    if (!m) throw new PlatformUnavailable('voice')
    let discard = false
    const heard = new Promise<string>((resolve, reject) => {
      m.onStop = (res) => resolve(discard ? '' : (res.result ?? '').trim())
      m.onError = (res) => (res.retcode === -30003 ? resolve('') : reject(new Error(res.msg || `WechatSI ${res.retcode}`))) // -30003: nothing said
    })
    m.start({ duration: MAX_MS, lang: 'zh_CN' })
    return {
      stop: () => {
        m.stop()
        return heard
      },
      cancel: () => {
        discard = true
        m.stop()
        heard.catch(() => undefined)
      },
    }
  },
}
