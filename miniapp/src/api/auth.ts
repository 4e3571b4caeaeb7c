import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type { devLogin, devPeople, wechatLogin } from '../../../shared/contracts/auth'
import * as E from '../../../shared/contracts/endpoints'
import { LEGAL_VERSION } from '../../../shared/domain/privacy'
import { call } from './call'
import { clearToken, setToken } from './session'

export type TSession = TResponseOf<typeof wechatLogin>
export type TDevPeople = TResponseOf<typeof devPeople>

/** wx.login code → our own session; the token is stored for every later request. */
export async function loginWithWechatCode(code: string, idempotencyKey: string): Promise<TSession> {
  // the person ticked 同意 on this page: the version in force is what they read
  const session = await call(E.wechatLogin, { body: { code, consentVersion: LEGAL_VERSION } }, { idempotencyKey, anonymous: true })
  setToken(session.token)
  return session
}

/** 演示登录: 404 DEV_LOGIN_DISABLED when the server has it switched off. */
export function listDevPeople(): Promise<TDevPeople> {
  return call(E.devPeople, {}, { anonymous: true })
}

export async function devSignIn(body: TBodyOf<typeof devLogin>, idempotencyKey: string): Promise<TSession> {
  const session = await call(E.devLogin, { body }, { idempotencyKey, anonymous: true })
  setToken(session.token)
  return session
}

/** Ends the session on the server; the local token goes whatever the answer. */
export async function logout(idempotencyKey: string): Promise<void> {
  try {
    await call(E.logout, {}, { idempotencyKey })
  } finally {
    clearToken()
  }
}
