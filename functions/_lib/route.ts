import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import type { TContract } from '../../shared/contracts/define';
import { AppError } from '../../shared/errors';
import type { TActor, TServiceContext } from '../services/context';
import { resolveSession } from '../services/auth/resolve-session';
import { limitSignIn, limitWrites } from '../services/limits/limit-requests';
import { clientBucket } from '../../shared/domain/rate-limit';
import { authorize, type TAccessRule } from './authorize';
import { clientAddress } from './client-address';
import { parseBody, parseParams, parseRest, rawInput } from './parse-input';
import { signedIn } from './signed-in';
import { getDb } from './db';
import { appNow } from '../runtime/clock';
import { env } from '../runtime/env';
import { runWrite, type TOutcome } from './idempotency';
import { log } from './log';
import { errorBody, sendFile, sendJson, sendRaw } from './respond';
import { RETRY_AFTER_UNAVAILABLE_S, toAppError } from './to-app-error';

type TInput<C extends TContract> = { params: z.output<C['params']>; query: z.output<C['query']>; body: z.output<C['body']> };
type TParamName<C extends TContract> = Extract<keyof z.output<C['params']>, string>;

/**
 * Who may call: anyone, the scheduler (Authorization: Bearer CRON_SECRET), or a signed-in
 * person allowed by `can(action, person, object)` (shared/domain/permissions.ts), the object
 * being the caller themself or the one a path parameter names.
 */
export type TAccess<C extends TContract> = 'public' | 'cron' | TAccessRule<TParamName<C>>;

type TRouteSpec<C extends TContract> = {
  access: TAccess<C>;
  /** Writes run in one transaction with their Idempotency-Key (decision 004) unless a route says why not. */
  idempotent?: boolean;
  handle: (ctx: TServiceContext, input: TInput<C>) => Promise<z.input<C['response']>>;
  /** when the status depends on the outcome (201 created vs 200 joined) */
  statusOf?: (result: z.output<C['response']>) => number;
  /** 'sign-in': attempts are counted per client address before the use case runs (nothing floods WeChat) */
  limit?: 'sign-in';
  /** answer raw bytes or text instead of JSON (WeChat downloading a photo, a push echo); with `filename`, a download */
  raw?: (result: z.output<C['response']>) => { contentType: string; body: Buffer | string; filename?: string };
  /** a body that is not JSON: a contract with `bodyType: 'xml'` needs `readXmlBody` (./xml-body) */
  readBody?: (req: TRequest) => Promise<unknown>;
};

/** The request as both Vercel and our node:http host give it. */
export type TRequest = IncomingMessage & { query?: Record<string, string | string[] | undefined>; body?: unknown };
/** A route file's export: the handler, the contracts it serves and, per contract, who may call it. */
export type THandler = ((req: TRequest, res: ServerResponse) => Promise<void>) & { contracts: TContract[]; access: TAccess<TContract>[] };

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A caller's X-Request-Id worth keeping (a plain test: zod would build an error object for every request without one). */
const REQUEST_ID = /^[\w.-]{8,64}$/;

/**
 * The route adapter, in order: method → session → abuse limits → input hygiene → path params
 * → access (`can` on the object) → query and body → use case (a write in one transaction with
 * its Idempotency-Key) → response parse → error mapping; a request id on every response and
 * log line.
 */
export function defineRoute<C extends TContract>(contract: C, spec: TRouteSpec<C>): THandler {
  if (contract.bodyType === 'xml' && !spec.readBody) throw new Error(`${contract.method} ${contract.path} takes XML: pass readBody: readXmlBody`);
  const handler = async (req: TRequest, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    let actor: TActor | null = null;
    let status = 500;
    let code: string | undefined;
    try {
      const out = await run();
      status = out.status;
      const raw = spec.raw?.(out.body as z.output<C['response']>);
      if (raw?.filename && Buffer.isBuffer(raw.body))
        sendFile(res, out.status, { ...raw, body: raw.body, filename: raw.filename }, { 'x-request-id': requestId });
      else if (raw) sendRaw(res, out.status, raw, { 'x-request-id': requestId });
      else sendJson(res, out.status, out.body, { 'x-request-id': requestId, ...out.headers });
    } catch (e) {
      const err = toAppError(e);
      status = err.status;
      code = err.code;
      if (err.code === 'INTERNAL' || err.code === 'SERVICE_UNAVAILABLE') {
        log('error', 'request failed', { requestId, err: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
      const headers: Record<string, string> = { 'x-request-id': requestId };
      if (err.code === 'METHOD_NOT_ALLOWED') headers.allow = contract.method;
      const retryAfter = err.retryAfterS ?? (err.status === 503 ? RETRY_AFTER_UNAVAILABLE_S : undefined);
      if (retryAfter !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfter)));
      sendJson(res, err.status, errorBody(err, requestId), headers);
    } finally {
      log('info', 'request', {
        requestId,
        method: req.method,
        path: contract.path,
        status,
        code,
        personId: (actor as TActor | null)?.personId,
        ms: Date.now() - started,
      });
    }

    async function run(): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
      if (req.method !== contract.method) throw new AppError('METHOD_NOT_ALLOWED');
      const { db, kind } = await getDb();
      const userAgent = typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 512) : undefined;
      const ctx: TServiceContext = { db, dbKind: kind, now: appNow, actor: null, requestId, env: env(), userAgent };

      if (spec.access === 'cron') {
        if (!cronSecretMatches(bearerToken(req), ctx.env.CRON_SECRET)) throw new AppError('UNAUTHENTICATED');
      } else if (spec.access !== 'public') {
        actor = await resolveSession(ctx, bearerToken(req));
        ctx.actor = actor;
      }

      if (spec.limit === 'sign-in') await limitSignIn(ctx, clientBucket(clientAddress(req, ctx.env.TRUST_PROXY)));
      if (actor && WRITE_METHODS.has(contract.method)) await limitWrites(signedIn(ctx));

      const body = !WRITE_METHODS.has(contract.method) ? {} : spec.readBody ? await spec.readBody(req) : parseBody(req.body);
      const raw = rawInput(contract, req.query ?? {}, body);
      const params = parseParams(contract.params, raw.params);
      // who may, before what they sent is read: a refused caller learns nothing from form errors
      if (typeof spec.access === 'object') await authorize(signedIn(ctx), spec.access, params as Record<string, unknown>);
      const input = { params, ...parseRest(contract, raw) } as TInput<C>;

      const invoke = async (): Promise<TOutcome> => {
        const result = await spec.handle(ctx, input);
        const parsed = contract.response.safeParse(result);
        if (!parsed.success) throw new Error(`response of ${contract.method} ${contract.path} broke its contract: ${parsed.error.message}`);
        return { status: spec.statusOf ? spec.statusOf(parsed.data as z.output<C['response']>) : (contract.status ?? 200), body: parsed.data as unknown };
      };

      let out: TOutcome;
      if (WRITE_METHODS.has(contract.method) && spec.idempotent !== false) {
        const key = req.headers['idempotency-key'];
        const keyed = key === undefined ? null : { key: String(key), method: contract.method, path: req.url ?? contract.path, body: raw.body };
        try {
          out = await runWrite(ctx, keyed, invoke);
        } finally {
          kickIfNotified();
        }
      } else {
        out = await invoke();
        kickIfNotified();
      }
      return out;

      /** The use case committed notifications: tell the dispatcher now rather than at the next tick. */
      function kickIfNotified(): void {
        if (ctx.effects?.notified && ctx.env.DISPATCH_KICK) kickWorker();
      }
    }
  };
  return Object.assign(handler, { contracts: [contract as TContract], access: [spec.access as TAccess<TContract>] });
}

/** One URL served by several methods (e.g. GET list + POST create): dispatch on the method. */
export function defineRoutes(...handlers: THandler[]): THandler {
  const byMethod = new Map(handlers.map((h) => [h.contracts[0].method, h]));
  const combined = async (req: TRequest, res: ServerResponse): Promise<void> => {
    const h = byMethod.get((req.method ?? '') as TContract['method']);
    if (h) return h(req, res);
    const requestId = randomUUID();
    const err = new AppError('METHOD_NOT_ALLOWED');
    sendJson(res, err.status, errorBody(err, requestId), { 'x-request-id': requestId, allow: [...byMethod.keys()].join(', ') });
  };
  return Object.assign(combined, { contracts: handlers.flatMap((h) => h.contracts), access: handlers.flatMap((h) => h.access) });
}

/**
 * The dispatcher (every channel, the job table, the WeChat clients) is loaded by the first kick,
 * not with the route: a function that never notifies never evaluates it (decision 021).
 */
function kickWorker(): void {
  import('./worker').then(
    (w) => void w.kickWorker(),
    (e: unknown) => log('warn', 'worker failed to load', { err: e instanceof Error ? e.message : String(e) }),
  );
}

function cronSecretMatches(given: string | null, secret: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : null;
}
