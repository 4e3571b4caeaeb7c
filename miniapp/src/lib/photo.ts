/**
 * 照片: chosen on the phone → shrunk on the phone → uploaded (POST /api/media) → an id that a
 * report carries. The server takes at most 700 KB (MEDIA_MAX_BYTES); the first pass (long
 * side 1280 px, JPEG 0.7) usually gives 100–300 KB, and a photo still too big is shrunk again
 * from the original, smaller each time, before it is given up as 照片太大.
 */
import { MEDIA_MAX_BYTES } from '../../../shared/domain/media'
import { AppError } from '../../../shared/errors'
import { getMedia, uploadMedia } from '../api/media'
import { NetworkError, toAppError } from '../api/request'
import { photoHost, type TDevicePhoto } from '../platform'

/** Tried in order until the photo fits under the server's cap. */
export const SHRINK_STEPS = [
  { maxSide: 1280, quality: 0.7 },
  { maxSide: 1024, quality: 0.6 },
  { maxSide: 800, quality: 0.5 },
  { maxSide: 640, quality: 0.4 },
] as const

export const PHOTO_MESSAGES = {
  unreadable: '这张照片打不开，请换一张',
  tooLarge: '照片太大，请重新拍摄或选择较小的照片',
  offline: '照片上传失败，请检查网络后点照片重试',
  failed: '照片上传失败，请点照片重试',
  chooseFailed: '没有打开相机或相册，请再试一次',
} as const

/** A photo ready to upload: JPEG (or PNG) bytes as base64, and how many bytes that is. */
export type TPreparedPhoto = { base64: string; bytes: number }

/** Bytes a base64 string stands for (no line breaks, `=` padding). */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0
  return Math.floor((b64.length * 3) / 4) - pad
}

/** Shrinks a chosen photo until it fits the server's cap; AppError MEDIA_INVALID / MEDIA_TOO_LARGE otherwise. */
export async function preparePhoto(photo: TDevicePhoto): Promise<TPreparedPhoto> {
  for (const step of SHRINK_STEPS) {
    let base64: string
    try {
      base64 = (await photoHost.shrinkPhoto(photo, step)).base64
    } catch (err) {
      throw new AppError('MEDIA_INVALID', { message: PHOTO_MESSAGES.unreadable, cause: err })
    }
    const bytes = base64Bytes(base64)
    if (bytes > 0 && bytes <= MEDIA_MAX_BYTES) return { base64, bytes }
  }
  throw new AppError('MEDIA_TOO_LARGE', { message: PHOTO_MESSAGES.tooLarge })
}

/**
 * Uploads a prepared photo and returns its id. A retry passes the same key; the server also
 * keeps one copy per person and content, so a photo is never stored twice.
 */
export async function uploadPhoto(photo: TPreparedPhoto, idempotencyKey: string): Promise<string> {
  try {
    return (await uploadMedia(photo.base64, idempotencyKey)).id
  } catch (err) {
    throw photoError(err)
  }
}

/** What a failed upload should say: the server's word on size and type, otherwise 上传失败，请重试. */
export function photoError(err: unknown): AppError {
  const e = toAppError(err)
  if (e.code === 'MEDIA_TOO_LARGE' || e.code === 'MEDIA_INVALID' || e.code === 'UNAUTHENTICATED') return e
  if (e instanceof NetworkError) return new AppError('SERVICE_UNAVAILABLE', { message: PHOTO_MESSAGES.offline, cause: err })
  return new AppError(e.code, { message: PHOTO_MESSAGES.failed, cause: err })
}

/** Recently shown photos (src by id), so a list that re-renders does not fetch them again. */
const shown = new Map<string, Promise<string>>()
const SHOWN_MAX = 12

/** A stored photo (GET /api/media/{id}) as an <Image> src: a data: URL, or a local file in WeChat. */
export function photoSrcFor(id: string): Promise<string> {
  const hit = shown.get(id)
  if (hit) return hit
  const src = getMedia(id).then((m) => photoHost.photoSrc(m))
  src.catch(() => shown.delete(id)) // a failure is not remembered: the next show asks again
  shown.set(id, src)
  if (shown.size > SHOWN_MAX) shown.delete(shown.keys().next().value as string)
  return src
}

/** Tests: forget the shown photos. */
export function forgetShownPhotos(): void {
  shown.clear()
}
