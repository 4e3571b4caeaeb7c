import Taro from '@tarojs/taro'
import { PlatformCancelled, type PhotoHost, type Platform, type TDevicePhoto } from './types'

function isCancel(err: unknown): boolean {
  const msg = (err as { errMsg?: string } | undefined)?.errMsg ?? ''
  return /cancel/i.test(msg)
}

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    })
  })
}

async function chooseWithMedia(count: number): Promise<TDevicePhoto[]> {
  // chooseMedia (base library 2.10) offers camera and album in one sheet; chooseImage is the fallback
  if (typeof Taro.chooseMedia === 'function') {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
    return res.tempFiles.map((f) => ({ src: f.tempFilePath }))
  }
  const res = await Taro.chooseImage({ count, sourceType: ['album', 'camera'], sizeType: ['compressed'] })
  return res.tempFilePaths.map((src) => ({ src }))
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

/** Photos in the mini-program: chooseMedia, compressImage, and the file system for base64. */
export const wechatPhotos: PhotoHost = {
  async choosePhotos(count) {
    try {
      return await chooseWithMedia(count)
    } catch (err) {
      if (isCancel(err)) throw new PlatformCancelled()
      throw err
    }
  },
  async shrinkPhoto(photo, { maxSide, quality }) {
    const info = await Taro.getImageInfo({ src: photo.src })
    // only the long side is given: the other follows in proportion; a small photo keeps its size
    const size = info.width >= info.height ? { compressedWidth: Math.min(info.width, maxSide) } : { compressedHeight: Math.min(info.height, maxSide) }
    const out = await Taro.compressImage({ src: photo.src, quality: Math.round(quality * 100), ...size })
    return { base64: await readBase64(out.tempFilePath) }
  },
  async photoSrc({ id, contentType, base64 }) {
    const ext = contentType === 'image/png' ? 'png' : contentType === 'image/webp' ? 'webp' : 'jpg'
    const filePath = `${Taro.env.USER_DATA_PATH}/photo-${id}.${ext}`
    const fs = Taro.getFileSystemManager()
    try {
      fs.accessSync(filePath) // stored photos never change: written once, shown from the file after
      return filePath
    } catch {
      // not written yet
    }
    try {
      fs.writeFileSync(filePath, base64, 'base64')
      return filePath
    } catch {
      return `data:${contentType};base64,${base64}` // user data space full: show it anyway
    }
  },
}
