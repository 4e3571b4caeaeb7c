/**
 * The one way the API files reach the server: `call(E.getBin, { params: { code } })`.
 * Path, method and types come from the endpoint's contract (shared/contracts); base URL,
 * token, Idempotency-Key and error bodies stay with `request`. Endpoints are the zod-free
 * modules (shared/contracts/endpoints/), so calling one adds no zod to the bundle.
 */
import type { TBodyOf, TContract, TParamsOf, TQueryOf, TResponseOf } from '../../../shared/contracts/define'
import { buildPath, type TEndpoint } from '../../../shared/contracts/endpoint'
import { request, type TQuery } from './request'

/** A query value on the wire; a z.coerce field's input type is `unknown`, which says nothing. */
type TQueryValue = string | number | boolean | undefined
type TQueryIn<C extends TContract> = { [K in keyof TQueryOf<C>]: unknown extends TQueryOf<C>[K] ? TQueryValue : TQueryOf<C>[K] }

/** `{}`: an empty input, which matches any part the contract leaves empty or all optional. */
type TNothing = Record<never, never>
/** A part the contract leaves empty (or all optional) may be left out. */
type TPart<K extends string, T> = TNothing extends T ? { [P in K]?: T } : { [P in K]: T }

export type TCallInput<C extends TContract> = TPart<'params', TParamsOf<C>> & TPart<'query', TQueryIn<C>> & TPart<'body', TBodyOf<C>>

/** `anonymous`: no token, no redirect on 401 (sign-in endpoints). */
type TReadOptions = { anonymous?: boolean }
/** Every write names its Idempotency-Key: the same key when the same action is retried. */
type TWriteOptions = TReadOptions & { idempotencyKey: string }

type TCallArgs<C extends TContract> = C['method'] extends 'GET'
  ? TNothing extends TCallInput<C>
    ? [input?: TCallInput<C>, opts?: TReadOptions]
    : [input: TCallInput<C>, opts?: TReadOptions]
  : [input: TCallInput<C>, opts: TWriteOptions]

export function call<C extends TContract>(endpoint: TEndpoint<C>, ...[input, opts]: TCallArgs<C>): Promise<TResponseOf<C>> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, unknown>; query?: TQuery; body?: unknown }
  return request<TResponseOf<C>>(buildPath(endpoint.path, params), { method: endpoint.method, query, body, ...opts })
}

/** The path of one endpoint call, for writes the outbox keeps and re-sends (lib/outbox.ts). */
export function pathOf<C extends TContract>(endpoint: TEndpoint<C>, params: TParamsOf<C>): string {
  return buildPath(endpoint.path, params as Record<string, unknown>)
}
