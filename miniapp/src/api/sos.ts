import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  activeSos as activeContract,
  cancelSos as cancelContract,
  mySos as mineContract,
  setMySos as setMineContract,
  TSosCall,
} from '../../../shared/contracts/sos'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TSosCall }
export type TMySos = TResponseOf<typeof mineContract>
export type TSosSetting = TResponseOf<typeof setMineContract>

/** 是否有一键呼叫按钮, and the call still going on (who is coming). */
export function getMySos(): Promise<TMySos> {
  return call(E.mySos)
}

/** 开启/关闭一键呼叫 (people flagged elderly, alone or needing care always have it). */
export function setMySos(enabled: boolean, idempotencyKey: string): Promise<TSosSetting> {
  return call(E.setMySos, { body: { enabled } }, { idempotencyKey })
}

/** 一键呼叫: tells the courtyard head and the linked party member (an open call is returned as is). */
export function raiseSos(idempotencyKey: string): Promise<TSosCall> {
  return call(E.raiseSos, {}, { idempotencyKey })
}

/** Calls I should answer (I was told, or they are in my scope). */
export function listActiveSos(): Promise<TResponseOf<typeof activeContract>> {
  return call(E.activeSos)
}

/** The call of a 工单号 (S260007 or 260007) among those I answer, whatever its state. */
export function findSosByTicket(q: string): Promise<TResponseOf<typeof activeContract>> {
  return call(E.activeSos, { query: { q } })
}

export function getSos(id: string): Promise<TSosCall> {
  return call(E.getSos, { params: { id } })
}

/** 我去: the caller sees who is coming, with the phone number. */
export function ackSos(id: string, idempotencyKey: string): Promise<TSosCall> {
  return call(E.ackSos, { params: { id } }, { idempotencyKey })
}

/** 取消（误触） by the caller. */
export function cancelSos(id: string, reason: TBodyOf<typeof cancelContract>['reason'], idempotencyKey: string): Promise<TSosCall> {
  return call(E.cancelSos, { params: { id }, body: { reason } }, { idempotencyKey })
}

/** 已处理 by whoever went. */
export function resolveSos(id: string, note: string | undefined, idempotencyKey: string): Promise<TSosCall> {
  return call(E.resolveSos, { params: { id }, body: note ? { note } : {} }, { idempotencyKey })
}
