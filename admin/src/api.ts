/**
 * The back office's one way to the API, like the mini-program's (miniapp/src/api/call.ts):
 * `call(E.getMe)` with the path, method and types from the endpoint's contract; the bearer
 * token; an Idempotency-Key on every write; error bodies turned into AppError. A 401 drops
 * the session and shows the sign-in page.
 */
import type { TBodyOf, TContract, TParamsOf, TQueryOf, TResponseOf } from '../../shared/contracts/define';
import { buildPath, type TEndpoint } from '../../shared/contracts/endpoint';
import { AppError, parseErrorBody } from '../../shared/errors';
import { clearToken, getToken } from './session';

type TQueryValue = string | number | boolean | undefined;
type TQueryIn<C extends TContract> = { [K in keyof TQueryOf<C>]: unknown extends TQueryOf<C>[K] ? TQueryValue : TQueryOf<C>[K] };
type TNothing = Record<never, never>;
type TPart<K extends string, T> = TNothing extends T ? { [P in K]?: T } : { [P in K]: T };
export type TCallInput<C extends TContract> = TPart<'params', TParamsOf<C>> & TPart<'query', TQueryIn<C>> & TPart<'body', TBodyOf<C>>;

/** Shown when the request never got an answer. */
export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

type TOptions = { anonymous?: boolean; idempotencyKey?: string };

export function call<C extends TContract>(endpoint: TEndpoint<C>, input?: TCallInput<C>, opts: TOptions = {}): Promise<TResponseOf<C>> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  return request<TResponseOf<C>>(endpoint.method, buildPath(endpoint.path, params), { query, body, ...opts });
}

/** The URL of a GET endpoint (downloads open it with the token in a header, see `download`). */
export function urlOf<C extends TContract>(endpoint: TEndpoint<C>, input?: TCallInput<C>): string {
  const { params, query } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return withQuery(buildPath(endpoint.path, params), query);
}

export async function request<T>(method: string, path: string, opts: TOptions & { query?: Record<string, unknown>; body?: unknown } = {}): Promise<T> {
  const res = await send(method, withQuery(path, opts.query), opts);
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) {
    if (typeof data !== 'object' || data === null) throw new AppError('SERVICE_UNAVAILABLE');
    return data as T;
  }
  throw failed(res.status, data, opts);
}

/** A file from a GET endpoint (XLSX/CSV exports): saved by the browser under the server's name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path, {});
  if (!res.ok) throw failed(res.status, await res.json().catch(() => null), {});
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function send(method: string, url: string, opts: TOptions & { body?: unknown }): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = opts.anonymous ? null : getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = opts.idempotencyKey ?? crypto.randomUUID();
  }
  try {
    return await fetch(url, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}) });
  } catch (cause) {
    throw new AppError('SERVICE_UNAVAILABLE', { message: NETWORK_MESSAGE, cause });
  }
}

function failed(status: number, data: unknown, opts: TOptions): AppError {
  const error = parseErrorBody(status, data);
  if (error.code === 'UNAUTHENTICATED' && !opts.anonymous) {
    clearToken();
    window.dispatchEvent(new Event('xyj-signed-out'));
  }
  return error;
}

function withQuery(url: string, query?: Record<string, unknown>): string {
  if (!query) return url;
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '' && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}` : url;
}

/** Any thrown value as the message to show. */
export function messageOf(err: unknown): string {
  return err instanceof AppError ? err.message : '操作失败，请稍后重试';
}
