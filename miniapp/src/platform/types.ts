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
 * Browser stand-in, installed by tests (Playwright `addInitScript`) or a WeChat-browser
 * bridge as `window.__XYJ_PLATFORM__`. Every member is optional.
 */
export interface PlatformOverride {
  login?: () => Promise<{ code: string }>
  scanCode?: () => Promise<{ result: string; path?: string }>
  requestSubscribeMessage?: (templateIds: string[]) => Promise<Record<string, string>>
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
