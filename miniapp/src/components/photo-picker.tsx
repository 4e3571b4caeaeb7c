import { Image, Text, View } from '@tarojs/components'
import { useCallback, useRef, useState } from 'react'
import { AppError } from '../../../shared/errors'
import { toAppError } from '../api/request'
import { newIdempotencyKey } from '../lib/idempotency'
import { PHOTO_MESSAGES, photoError, preparePhoto, uploadPhoto, type TPreparedPhoto } from '../lib/photo'
import { previewPhoto } from '../lib/preview'
import { photoHost, PlatformCancelled, type TDevicePhoto } from '../platform'
import { ErrorNotice } from './error-notice'

export type TPhotoItem = {
  /** This photo on this page; also its upload's Idempotency-Key, so a retry is the same upload. */
  key: string
  /** The chosen photo on the device, for the thumbnail. */
  src: string
  state: 'preparing' | 'uploading' | 'done' | 'failed'
  /** The server's id once uploaded. */
  id: string | null
  error: AppError | null
  /** Kept after shrinking, so 重试 uploads again without shrinking again. */
  prepared: TPreparedPhoto | null
}

/**
 * The photos of one form: each is shrunk and uploaded as soon as it is chosen, so by the time
 * the person taps the form's button it is usually there. `settled()` waits for the rest.
 */
export function usePhotos() {
  const [items, setItems] = useState<TPhotoItem[]>([])
  const [chooseError, setChooseError] = useState<AppError | null>(null)
  const list = useRef<TPhotoItem[]>([])
  const running = useRef(new Set<Promise<void>>())

  const commit = (next: TPhotoItem[]) => {
    list.current = next
    setItems(next)
  }
  const patch = (key: string, p: Partial<TPhotoItem>) => commit(list.current.map((i) => (i.key === key ? { ...i, ...p } : i)))
  const track = (work: Promise<void>) => {
    running.current.add(work)
    void work.finally(() => running.current.delete(work))
  }

  const upload = async (key: string) => {
    const item = list.current.find((i) => i.key === key)
    if (!item?.prepared) return
    patch(key, { state: 'uploading', error: null })
    try {
      patch(key, { state: 'done', id: await uploadPhoto(item.prepared, key) })
    } catch (err) {
      patch(key, { state: 'failed', error: photoError(err) })
    }
  }

  const prepareAndUpload = async (key: string, photo: TDevicePhoto) => {
    try {
      patch(key, { prepared: await preparePhoto(photo) })
    } catch (err) {
      patch(key, { state: 'failed', error: toAppError(err) })
      return
    }
    await upload(key)
  }

  /** Opens the camera / album for up to `room` more photos. Call it straight from the tap. */
  const add = useCallback(async (room: number) => {
    if (room <= 0) return
    setChooseError(null)
    let chosen: TDevicePhoto[]
    try {
      chosen = (await photoHost.choosePhotos(room)).slice(0, room)
    } catch (err) {
      if (!(err instanceof PlatformCancelled)) setChooseError(new AppError('VALIDATION_FAILED', { message: PHOTO_MESSAGES.chooseFailed, cause: err }))
      return
    }
    const fresh: TPhotoItem[] = chosen.map((p) => ({ key: newIdempotencyKey(), src: p.src, state: 'preparing', id: null, error: null, prepared: null }))
    commit([...list.current, ...fresh])
    fresh.forEach((item, i) => track(prepareAndUpload(item.key, chosen[i])))
  }, [])

  /** Uploads a failed photo again (one that could not be shrunk stays failed: remove it). */
  const retry = useCallback((key: string) => {
    const item = list.current.find((i) => i.key === key)
    if (item?.state === 'failed' && item.prepared) track(upload(key))
  }, [])

  const remove = useCallback((key: string) => commit(list.current.filter((i) => i.key !== key)), [])

  /** Waits for photos still being shrunk or uploaded; then the ids that made it and how many did not. */
  const settled = useCallback(async (): Promise<{ ids: string[]; missing: number }> => {
    while (running.current.size) await Promise.all([...running.current])
    const now = list.current
    return { ids: now.flatMap((i) => (i.state === 'done' && i.id ? [i.id] : [])), missing: now.filter((i) => i.state !== 'done').length }
  }, [])

  const ids = items.flatMap((i) => (i.state === 'done' && i.id ? [i.id] : []))
  const busy = items.some((i) => i.state === 'preparing' || i.state === 'uploading')
  const error = chooseError ?? items.find((i) => i.error)?.error ?? null

  return { items, ids, busy, error, add, retry, remove, settled }
}

export type TPhotos = ReturnType<typeof usePhotos>

const BADGE: Record<TPhotoItem['state'], string> = { preparing: '压缩中…', uploading: '上传中…', done: '', failed: '上传失败' }

/**
 * Photo thumbnails with a big × each, and a 「拍照」 tile while fewer than `max` are chosen.
 * Tapping a failed photo uploads it again; tapping an uploaded one shows it large.
 */
export function PhotoPicker({ photos, max, title, testId = 'photos' }: { photos: TPhotos; max: number; title?: string; testId?: string }) {
  const room = max - photos.items.length
  const onTap = (p: TPhotoItem) => {
    if (p.state === 'failed') photos.retry(p.key)
    else if (p.state === 'done') previewPhoto(p.src)
  }
  return (
    <View className="xyj-photos" data-testid={testId} data-ids={photos.ids.join(',')} data-busy={photos.busy ? 'true' : 'false'}>
      {title ? <Text className="xyj-photos__title">{title}</Text> : null}
      <View className="xyj-photos__row">
        {photos.items.map((p) => (
          <View key={p.key} className={`xyj-photos__item xyj-photos__item--${p.state}`} data-testid={`${testId}-item`} data-state={p.state}>
            <View className="xyj-photos__tap" data-testid={`${testId}-tap`} onClick={() => onTap(p)}>
              <Image className="xyj-photos__img" src={p.src} mode="aspectFill" nativeProps={{ alt: '选好的照片' }} />
              {p.state !== 'done' ? <Text className="xyj-photos__badge">{p.state === 'failed' && p.prepared ? '点此重试' : BADGE[p.state]}</Text> : null}
            </View>
            <View className="xyj-photos__remove" data-testid={`${testId}-remove`} aria-label="删除照片" onClick={() => photos.remove(p.key)}>
              <Text className="xyj-photos__remove-x">×</Text>
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View className="xyj-photos__add" data-testid={`${testId}-add`} onClick={() => void photos.add(room)}>
            <Text className="xyj-photos__plus">+</Text>
            <Text className="xyj-photos__add-text">{photos.items.length ? '再加一张' : '拍照'}</Text>
          </View>
        ) : null}
      </View>
      <ErrorNotice error={photos.error} testId={`${testId}-error`} />
    </View>
  )
}
