import { PlatformUnavailable, type TVoiceSession, type VoiceHost } from './types'

/** The part of the Web Speech API used here (Chrome and WebView still name it webkitSpeechRecognition). */
type TRecognition = {
  lang: string
  continuous: boolean
  interimResults: boolean
  onresult: ((e: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null
  onerror: ((e: { error: string }) => void) | null
  onend: (() => void) | null
  start(): void
  stop(): void
  abort(): void
}
type TRecognitionClass = new () => TRecognition

function recognitionClass(): TRecognitionClass | null {
  if (typeof window === 'undefined') return null
  const w = window as unknown as { SpeechRecognition?: TRecognitionClass; webkitSpeechRecognition?: TRecognitionClass }
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null
}

/** Errors that only mean "nothing to add" (silence, released at once, stopped by us). */
const QUIET = new Set(['no-speech', 'aborted'])

/**
 * The Web Speech API, Mandarin, final results only. Words arrive in `onresult` while the
 * person speaks and after `stop()`; the session answers once the recogniser has ended.
 */
export const browserVoice: VoiceHost = {
  get canListen() {
    return recognitionClass() !== null
  },
  async listen(): Promise<TVoiceSession> {
    const Recognition = recognitionClass()
    if (!Recognition) throw new PlatformUnavailable('voice')
    const r = new Recognition()
    r.lang = 'zh-CN'
    r.continuous = true
    r.interimResults = false
    const parts: string[] = []
    let failure: Error | null = null
    const ended = new Promise<string>((resolve, reject) => {
      r.onresult = (e) => {
        for (let i = e.resultIndex; i < e.results.length; i++) if (e.results[i].isFinal) parts.push(e.results[i][0].transcript)
      }
      r.onerror = (e) => {
        if (!QUIET.has(e.error)) failure = new Error(`speech: ${e.error}`)
      }
      r.onend = () => (failure ? reject(failure) : resolve(parts.join('').trim()))
    })
    r.start()
    return {
      stop: () => {
        r.stop()
        return ended
      },
      cancel: () => {
        parts.length = 0
        r.abort()
        ended.catch(() => undefined)
      },
    }
  },
}
