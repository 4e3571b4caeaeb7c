import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  activeSos as activeContract,
  ackSos as ackContract,
  cancelSos as cancelContract,
  mySos as mineContract,
  raiseSos as raiseContract,
  resolveSos as resolveContract,
  setMySos as setMineContract,
  TSosCall,
} from '../../../shared/contracts/sos'
import { request } from './request'

export type { TSosCall }
export type TMySos = TResponseOf<typeof mineContract>
export type TSosSetting = TResponseOf<typeof setMineContract>

const v = (id: string) => encodeURIComponent(id)

/** 是否有一键呼叫按钮, and the call still going on (who is coming). */
export function getMySos(): Promise<TMySos> {
  return request('/api/sos/mine')
}

/** 开启/关闭一键呼叫 (people flagged elderly, alone or needing care always have it). */
export function setMySos(enabled: boolean, idempotencyKey: string): Promise<TSosSetting> {
  return request('/api/me/sos', { method: 'PUT', body: { enabled } satisfies TBodyOf<typeof setMineContract>, idempotencyKey })
}

/** 一键呼叫: tells the courtyard head and the linked party member (an open call is returned as is). */
export function raiseSos(idempotencyKey: string): Promise<TSosCall> {
  return request<TResponseOf<typeof raiseContract>>('/api/sos', { method: 'POST', body: {}, idempotencyKey })
}

/** Calls I should answer (I was told, or they are in my scope). */
export function listActiveSos(): Promise<TResponseOf<typeof activeContract>> {
  return request('/api/sos/active')
}

export function getSos(id: string): Promise<TSosCall> {
  return request(`/api/sos/${v(id)}`)
}

/** 我去: the caller sees who is coming, with the phone number. */
export function ackSos(id: string, idempotencyKey: string): Promise<TSosCall> {
  return request<TResponseOf<typeof ackContract>>(`/api/sos/${v(id)}/ack`, { method: 'POST', body: {}, idempotencyKey })
}

/** 取消（误触） by the caller. */
export function cancelSos(id: string, reason: TBodyOf<typeof cancelContract>['reason'], idempotencyKey: string): Promise<TSosCall> {
  return request<TResponseOf<typeof cancelContract>>(`/api/sos/${v(id)}/cancel`, { method: 'POST', body: { reason }, idempotencyKey })
}

/** 已处理 by whoever went. */
export function resolveSos(id: string, note: string | undefined, idempotencyKey: string): Promise<TSosCall> {
  return request<TResponseOf<typeof resolveContract>>(`/api/sos/${v(id)}/resolve`, { method: 'POST', body: note ? { note } : {}, idempotencyKey })
}
