import { AppError, ERRORS, parseErrorBody } from '../../shared/errors';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { canonicalJson } from '../../functions/_lib/idempotency';
import { toAppError } from '../../functions/_lib/to-app-error';

describe('the error table', () => {
  it('gives every code an HTTP status and a Chinese message', () => {
    for (const [code, [status, message]] of Object.entries(ERRORS)) {
      expect({ code, ok: status >= 400 && status < 600 }).toEqual({ code, ok: true });
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('turns an error body back into the same AppError on the client', () => {
    const e = parseErrorBody(409, { error: { code: 'JOIN_REQUEST_PENDING', message: '已有申请' } });
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'JOIN_REQUEST_PENDING', status: 409, message: '已有申请' });
    expect(parseErrorBody(502, '<html>').code).toBe('INTERNAL');
  });

  it('captures no stack for an expected 4xx refusal, keeps one for a fault, and leaves the limit as it was', () => {
    const limit = Error.stackTraceLimit;
    expect(new AppError('UNAUTHENTICATED').stack).toBe('AppError: 请先登录');
    expect(new AppError('INTERNAL').stack).toMatch(/\n\s+at /);
    expect(new AppError('SERVICE_UNAVAILABLE').stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('plain').stack).toMatch(/\n\s+at /);
  });
});

describe('canonical JSON for idempotency hashes', () => {
  it('ignores key order but not values', () => {
    expect(canonicalJson({ a: 1, b: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ b: [1, { c: 3, d: 2 }], a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});

describe('driver errors', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  const wrapped = (cause: unknown) => new DrizzleQueryError('select 1', [], cause as Error);

  it.each([
    ['admin shutdown (pg_terminate_backend, restart)', pgError('57P01', 'terminating connection due to administrator command')],
    ['too many connections', pgError('53300')],
    ['refused connection', pgError('ECONNREFUSED')],
    ['the database starting up', pgError('57P03')],
    ['a lost connection pg reports without a code', new Error('Connection terminated unexpectedly')],
    ['no connection free in time', new Error('timeout exceeded when trying to connect')],
    ["PgBouncer's server connection dying under a transaction", pgError('08P01', 'server conn crashed?')],
    ['PgBouncer waiting too long for a server connection', pgError('08P01', 'query_wait_timeout')],
  ])('maps %s, wrapped by drizzle, to 503 with Retry-After', (_what, cause) => {
    const e = toAppError(wrapped(cause));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(e.status).toBe(503);
    expect(e.retryAfterS).toBeGreaterThan(0);
    expect(toAppError(cause).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('keeps other database errors as 500 INTERNAL', () => {
    expect(toAppError(wrapped(pgError('23505', 'duplicate key'))).code).toBe('INTERNAL');
    expect(toAppError(new Error('boom')).code).toBe('INTERNAL');
    // 08P01 from Postgres itself is a protocol bug, not something a retry cures
    expect(toAppError(wrapped(pgError('08P01', 'invalid message format'))).code).toBe('INTERNAL');
  });
});
