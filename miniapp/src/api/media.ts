import type { TResponseOf } from '../../../shared/contracts/define'
import type { getMedia as getContract, uploadMedia as uploadContract } from '../../../shared/contracts/media'
import { request } from './request'

export type TUploadedMedia = TResponseOf<typeof uploadContract>
export type TMediaView = TResponseOf<typeof getContract>

/** 上传照片 (already shrunk on the device, lib/photo.ts): the id to attach to a report. */
export function uploadMedia(dataBase64: string, idempotencyKey: string): Promise<TUploadedMedia> {
  return request('/api/media', { method: 'POST', body: { dataBase64 }, idempotencyKey })
}

/** A stored photo's bytes (the uploader and staff over them may see it). */
export function getMedia(id: string): Promise<TMediaView> {
  return request(`/api/media/${encodeURIComponent(id)}`)
}
