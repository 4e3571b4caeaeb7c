import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type { devLogin, devPeople, logout as logoutContract, wechatLogin } from '../../../shared/contracts/auth'
import { request } from './request'
import { clearToken, setToken } from './session'

export type TSession = TResponseOf<typeof wechatLogin>
export type TDevPeople = TResponseOf<typeof devPeople>

/** wx.login code → our own session; the token is stored for every later request. */
export async function loginWithWechatCode(code: string, idempotencyKey: string): Promise<TSession> {
  const session = await request<TSession>('/api/auth/wechat-login', {
    method: 'POST',
    body: { code } satisfies TBodyOf<typeof wechatLogin>,
    idempotencyKey,
    anonymous: true,
  })
  setToken(session.token)
  return session
}

/** 演示登录: 404 DEV_LOGIN_DISABLED when the server has it switched off. */
export function listDevPeople(): Promise<TDevPeople> {
  return request<TDevPeople>('/api/auth/dev-people', { anonymous: true })
}

export async function devSignIn(
  body: TBodyOf<typeof devLogin>,
  idempotencyKey: string,
): Promise<TSession> {
  const session = await request<TSession>('/api/auth/dev-login', {
    method: 'POST',
    body,
    idempotencyKey,
    anonymous: true,
  })
  setToken(session.token)
  return session
}

/** Ends the session on the server; the local token goes whatever the answer. */
export async function logout(idempotencyKey: string): Promise<void> {
  try {
    await request<TResponseOf<typeof logoutContract>>('/api/auth/logout', { method: 'POST', idempotencyKey })
  } finally {
    clearToken()
  }
}
