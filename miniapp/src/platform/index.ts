/**
 * The one module that wraps host-only calls (wx.login, wx.scanCode,
 * wx.requestSubscribeMessage; for photos wx.chooseMedia, compressImage and the file system;
 * WeChat's text size; speech to text in platform/voice.ts, which only 找院长 imports).
 * Pages import `platform` / `photoHost` from here and nothing else, so the H5 build, browser
 * tests and unit tests can substitute the host.
 */
import { browserPhotos, browserPlatform } from './browser'
import { wechatPhotos, wechatPlatform } from './wechat'
import type { PhotoHost, Platform } from './types'

export * from './types'
export { callPhone, setPhoneCaller } from './phone'
export { systemFontScale } from './font-scale'

// process.env.TARO_ENV is replaced at build time, so the other branch is dropped.
const hostPlatform: Platform = process.env.TARO_ENV === 'weapp' ? wechatPlatform : browserPlatform
const hostPhotos: PhotoHost = process.env.TARO_ENV === 'weapp' ? wechatPhotos : browserPhotos

let current: Platform = hostPlatform
let currentPhotos: PhotoHost = hostPhotos

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

/** Camera / album, shrinking and showing photos (lib/photo.ts uses it). */
export const photoHost: PhotoHost = {
  choosePhotos: (count) => currentPhotos.choosePhotos(count),
  shrinkPhoto: (photo, opts) => currentPhotos.shrinkPhoto(photo, opts),
  photoSrc: (photo) => currentPhotos.photoSrc(photo),
}

/** Unit tests: replace the host; call with no argument to restore it (the photo host too). */
export function setPlatform(p?: Platform): void {
  current = p ?? hostPlatform
  if (!p) currentPhotos = hostPhotos
}

/** Unit tests: replace the photo host; `setPlatform()` restores it. */
export function setPhotoHost(p: PhotoHost): void {
  currentPhotos = p
}

export {
  answerPrivacyPrompt,
  installPrivacyAuthorization,
  PRIVACY_AGREE_BUTTON,
  requirePrivacyAuthorization,
  saveDataFile,
  watchPrivacyPrompt,
} from './privacy'
