import type { TAdminLoginScan, TMySession } from '../../../shared/contracts/admin-login'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TAdminLoginScan, TMySession }

/** 扫码登录: the phone read a back office's QR; the answer names the browser asking. */
export function scanAdminLogin(ticketId: string, idempotencyKey: string): Promise<TAdminLoginScan> {
  return call(E.scanAdminLoginTicket, { params: { ticketId } }, { idempotencyKey })
}

export function confirmAdminLogin(ticketId: string, idempotencyKey: string): Promise<TAdminLoginScan> {
  return call(E.confirmAdminLoginTicket, { params: { ticketId } }, { idempotencyKey })
}

export function cancelAdminLogin(ticketId: string, idempotencyKey: string): Promise<TAdminLoginScan> {
  return call(E.cancelAdminLoginTicket, { params: { ticketId } }, { idempotencyKey })
}

/** 登录设备: my live sessions, this phone marked. */
export function listMySessions(): Promise<{ items: TMySession[] }> {
  return call(E.listMySessions)
}

/** 退出登录 on one device. */
export function revokeMySession(sessionId: string, idempotencyKey: string): Promise<{ ok: true }> {
  return call(E.revokeMySession, { params: { sessionId } }, { idempotencyKey })
}
