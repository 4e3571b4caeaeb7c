import type { TResponseOf } from '../../../shared/contracts/define'
import type { getMedia as getContract, uploadMedia as uploadContract } from '../../../shared/contracts/media'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type TUploadedMedia = TResponseOf<typeof uploadContract>
export type TMediaView = TResponseOf<typeof getContract>

/** 上传照片 (already shrunk on the device, lib/photo.ts): the id to attach to a report. */
export function uploadMedia(dataBase64: string, idempotencyKey: string): Promise<TUploadedMedia> {
  return call(E.uploadMedia, { body: { dataBase64 } }, { idempotencyKey })
}

/** A stored photo's bytes (the uploader and staff over them may see it). */
export function getMedia(id: string): Promise<TMediaView> {
  return call(E.getMedia, { params: { id } })
}
