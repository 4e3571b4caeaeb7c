import { AppError, ERRORS, parseErrorBody } from '../../shared/errors';
import { canonicalJson } from '../../functions/_lib/idempotency';

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
});

describe('canonical JSON for idempotency hashes', () => {
  it('ignores key order but not values', () => {
    expect(canonicalJson({ a: 1, b: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ b: [1, { c: 3, d: 2 }], a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
