/**
 * The one request wrapper: base URL, bearer token, Idempotency-Key on writes, error bodies
 * turned into AppError (branch on `code`, show `message`), 401 → back to the login page.
 */
import Taro from '@tarojs/taro'
import { AppError, parseErrorBody } from '../../../shared/errors'
import { clearToken, getToken } from './session'
import { goToLogin } from '../lib/navigation'

const API_BASE = (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '')

export type TQuery = Record<string, string | number | boolean | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: TQuery
  body?: unknown
  /** Required for every write; reuse the same key when the same action is retried. */
  idempotencyKey?: string
  /** Do not send the token / do not redirect on 401 (sign-in endpoints). */
  anonymous?: boolean
}

/** Shown when the request never got an answer (no signal, server down, timeout). */
export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'

/** A failure with no server answer; the outcome of a write is unknown, so retry with the same key. */
export class NetworkError extends AppError {
  constructor(cause?: unknown) {
    super('SERVICE_UNAVAILABLE', { message: NETWORK_MESSAGE, cause })
    this.name = 'NetworkError'
  }
}

function withQuery(url: string, query?: TQuery): string {
  if (!query) return url
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}` : url
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET'
  const header: Record<string, string> = { Accept: 'application/json' }
  const token = opts.anonymous ? null : getToken()
  if (token) header.Authorization = `Bearer ${token}`
  if (method !== 'GET') {
    header['Content-Type'] = 'application/json'
    if (opts.idempotencyKey) header['Idempotency-Key'] = opts.idempotencyKey
  }

  let res: Taro.request.SuccessCallbackResult
  try {
    res = await Taro.request({
      url: withQuery(`${API_BASE}${path}`, opts.query),
      method,
      header,
      // Writes always carry a JSON object: the contracts expect `{}` rather than no body.
      data: method === 'GET' ? undefined : (opts.body ?? {}),
      dataType: 'json',
      timeout: 15000,
    })
  } catch (err) {
    throw new NetworkError(err)
  }

  const status = res.statusCode
  if (status >= 200 && status < 300) {
    // Every endpoint answers a JSON object; anything else (an HTML fallback page, a proxy's
    // error page) means the API is not really there.
    if (typeof res.data !== 'object' || res.data === null) throw new AppError('SERVICE_UNAVAILABLE')
    return res.data as T
  }

  const error = parseErrorBody(status, res.data)
  if (error.code === 'UNAUTHENTICATED' && !opts.anonymous) {
    clearToken()
    goToLogin()
  }
  throw error
}

/** Any thrown value → AppError, so pages only ever render `code` / `message`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  return new AppError('INTERNAL', { cause: err })
}

/** Worth retrying with the same Idempotency-Key (the first attempt's outcome is unknown). */
export function isRetryable(err: AppError): boolean {
  return err instanceof NetworkError || err.status >= 500 || err.code === 'IDEMPOTENCY_IN_PROGRESS' || err.code === 'WECHAT_RATE_LIMITED'
}
