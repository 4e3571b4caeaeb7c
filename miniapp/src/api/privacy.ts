import type { TConsentState, TDeletionRequest, TMyData, TPendingDeletion } from '../../../shared/contracts/privacy'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TConsentState, TDeletionRequest, TMyData, TPendingDeletion }

/** 同意新版协议 (asked again after a version bump). */
export function agreeConsent(version: string, idempotencyKey: string): Promise<TConsentState> {
  return call(E.agreeConsent, { body: { version } }, { idempotencyKey })
}

/** 下载我的数据: everything about me as one JSON object. */
export function exportMyData(): Promise<TMyData> {
  return call(E.exportMyData)
}

/** 申请注销 */
export function requestDeletion(idempotencyKey: string): Promise<TDeletionRequest> {
  return call(E.requestDeletion, {}, { idempotencyKey })
}

/** 村干部: 待确认的注销申请 of one village. */
export function listDeletionRequests(villageId: string): Promise<{ items: TPendingDeletion[] }> {
  return call(E.listDeletionRequests, { params: { villageId } })
}

export function confirmDeletion(villageId: string, id: string, idempotencyKey: string): Promise<TDeletionRequest> {
  return call(E.confirmDeletion, { params: { villageId, deletionId: id } }, { idempotencyKey })
}
