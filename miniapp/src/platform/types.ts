/** What the app needs from the host (WeChat or a browser). */
export interface Platform {
  /** Can `login()` produce a WeChat login code here? */
  readonly canWechatLogin: boolean
  /** Can `scanCode()` open a camera scanner here? */
  readonly canScan: boolean
  /** Can `requestSubscribeMessage()` really ask? (On a plain browser it answers 'reject'.) */
  readonly canSubscribe: boolean
  /** wx.login: a one-time code the server exchanges for the openid. */
  login(): Promise<{ code: string }>
  /**
   * wx.scanCode. `result` is the QR text; `path` is set when a mini-program code (小程序码)
   * was scanned and holds the page path with `scene=`. Rejects with PlatformCancelled when
   * the person closes the scanner.
   */
  scanCode(): Promise<{ result: string; path?: string }>
  /**
   * wx.requestSubscribeMessage: template id → 'accept' | 'reject' | 'ban' | 'filter'. WeChat
   * shows the sheet only when this runs inside a tap, so call it first in the tap handler.
   * Rejects (with WeChat's errCode) when the sheet could not be shown.
   */
  requestSubscribeMessage(templateIds: string[]): Promise<Record<string, string>>
}

/**
 * Photos from the host (camera / album, shrinking, showing stored ones): a separate interface
 * from Platform so hosts and test doubles that never touch photos need not stub them.
 */
export interface PhotoHost {
  /**
   * wx.chooseMedia (album or camera): at most `count` photos, still on the device. Rejects
   * with PlatformCancelled when the person closes the sheet without choosing.
   */
  choosePhotos(count: number): Promise<TDevicePhoto[]>
  /**
   * Shrinks a chosen photo on the device (wx.compressImage; a canvas in a browser): the long
   * side at most `maxSide` px, JPEG `quality` 0–1. Every call starts again from the original.
   */
  shrinkPhoto(photo: TDevicePhoto, opts: { maxSide: number; quality: number }): Promise<TShrunkPhoto>
  /**
   * A stored photo's bytes as something an <Image> can show: a data: URL in a browser; in
   * WeChat a local file, since a large data: URL would go through setData (1 MB cap).
   */
  photoSrc(photo: { id: string; contentType: string; base64: string }): Promise<string>
}

/**
 * Speech to text for 「按住说话」 (WeChat's 同声传译 plugin; the Web Speech API in a browser). A
 * separate interface, like PhotoHost, so hosts and test doubles without a microphone need not
 * stub it. Only the 找院长 subpackage uses it (platform/voice.ts), so the plugin stays out of
 * the main package.
 */
export interface VoiceHost {
  /** Can `listen()` turn speech into text here? Without it 「按住说话」 is not shown. */
  readonly canListen: boolean
  /**
   * Starts listening (Mandarin). Rejects when the microphone cannot be had (permission refused,
   * another recording going on).
   */
  listen(): Promise<TVoiceSession>
}

/** One press of 「按住说话」. */
export type TVoiceSession = {
  /** Stops listening; resolves with what was recognised ('' when nothing was). */
  stop(): Promise<string>
  /** Stops and throws the words away (the finger slid off). */
  cancel(): void
}

/** A photo the person chose, still on the device: a temp file path (WeChat) or a blob: URL (browser). */
export type TDevicePhoto = { src: string }

/** A photo shrunk for upload: its bytes as base64 (no `data:` prefix). */
export type TShrunkPhoto = { base64: string }

/**
 * Browser stand-in, installed by tests (Playwright `addInitScript`) or a WeChat-browser
 * bridge as `window.__XYJ_PLATFORM__`. Every member is optional.
 */
export interface PlatformOverride {
  login?: () => Promise<{ code: string }>
  scanCode?: () => Promise<{ result: string; path?: string }>
  requestSubscribeMessage?: (templateIds: string[]) => Promise<Record<string, string>>
  /** 打电话 (platform/phone.ts); without it a browser opens a tel: link */
  makePhoneCall?: (phone: string) => Promise<void>
}

/** The person closed the scanner (or the login sheet): not an error worth showing. */
export class PlatformCancelled extends Error {
  constructor() {
    super('cancelled')
    this.name = 'PlatformCancelled'
  }
}

/** The host cannot do this at all (e.g. WeChat login in a plain browser). */
export class PlatformUnavailable extends Error {
  constructor(what: string) {
    super(`${what} is not available on this platform`)
    this.name = 'PlatformUnavailable'
  }
}
