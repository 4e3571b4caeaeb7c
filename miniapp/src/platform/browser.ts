import { PlatformCancelled, PlatformUnavailable, type PhotoHost, type Platform, type PlatformOverride, type TDevicePhoto } from './types'

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

/** Marks the file input the photo chooser adds, so a stale one (a chooser closed unseen) is removed. */
const FILE_INPUT_ATTR = 'data-xyj-photo-input'

/**
 * The browser's file chooser through a hidden `<input type=file accept=image/*>`: phones offer
 * the camera and the album there. Must run inside the tap (browsers open choosers only then).
 * A browser without the input's `cancel` event leaves the promise pending when the person
 * closes the chooser: callers show no busy state while choosing.
 */
function chooseFiles(count: number): Promise<TDevicePhoto[]> {
  document.querySelectorAll(`input[${FILE_INPUT_ATTR}]`).forEach((old) => old.remove())
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    input.setAttribute(FILE_INPUT_ATTR, '')
    input.setAttribute('data-testid', 'photo-file-input')
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      input.remove()
      if (files.length) resolve(files.map((f) => ({ src: URL.createObjectURL(f) })))
      else reject(new PlatformCancelled())
    })
    input.addEventListener('cancel', () => {
      input.remove()
      reject(new PlatformCancelled())
    })
    document.body.appendChild(input)
    input.click()
  })
}

async function loadImage(src: string): Promise<HTMLImageElement> {
  const img = new Image()
  img.src = src
  await img.decode() // rejects for what the browser cannot read (a HEIC photo, a PDF)
  return img
}

/** Photos in a browser: a file input, then a canvas (EXIF rotation is applied by the browser). */
export const browserPhotos: PhotoHost = {
  choosePhotos: chooseFiles,
  async shrinkPhoto(photo, { maxSide, quality }) {
    const img = await loadImage(photo.src)
    const scale = Math.min(1, maxSide / Math.max(img.naturalWidth, img.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new PlatformUnavailable('canvas')
    ctx.fillStyle = '#fff' // a transparent PNG turns white, not black, as a JPEG
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const dataUrl = canvas.toDataURL('image/jpeg', quality)
    return { base64: dataUrl.slice(dataUrl.indexOf(',') + 1) }
  },
  async photoSrc({ contentType, base64 }) {
    return `data:${contentType};base64,${base64}`
  },
}
