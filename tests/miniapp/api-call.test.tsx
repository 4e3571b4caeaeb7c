import Taro from '@tarojs/taro';
import { call, pathOf } from '../../miniapp/src/api/call';
import * as E from '../../shared/contracts/endpoints';
import { buildPath } from '../../shared/contracts/endpoint';
import { fakeApi, fakeTaro } from './mocks/taro';

/** The URL and options `call` handed to Taro.request (the raw URL, before anything decodes it). */
const sent = () =>
  (Taro.request as unknown as jest.Mock).mock.calls.map(([o]) => o as { url: string; method: string; header: Record<string, string>; data: unknown });

describe('call(endpoint, input): path, method and types from the contract', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeApi.on('GET', /.*/, { ok: true }).on('POST', /.*/, { ok: true }).on('PATCH', /.*/, { ok: true }).on('PUT', /.*/, { ok: true });
  });

  test('fills each path parameter URL-encoded, so a code with / ? or Chinese stays one segment', async () => {
    await call(E.getBin, { params: { code: 'A/B?c 桶' } });
    await call(
      E.updatePointsRule,
      { params: { villageId: 'v 1', eventKind: 'bin_report_first' }, body: { points: 2, dailyCap: null } },
      { idempotencyKey: 'k1' },
    );
    expect(sent().map((r) => r.url)).toEqual(['/api/bins/A%2FB%3Fc%20%E6%A1%B6', '/api/villages/v%201/points-rules/bin_report_first']);
  });

  test('leaves undefined query values out, and the ? too when nothing is left', async () => {
    await call(E.cleanerTasks, { query: { lat: 30.5, lng: undefined } });
    await call(E.cleanerTasks, { query: { lat: undefined, lng: undefined } });
    await call(E.cleanerTasks);
    await call(E.listInbox, { query: { limit: 20, cursor: 'a&b' } });
    expect(sent().map((r) => r.url)).toEqual(['/api/cleaner/tasks?lat=30.5', '/api/cleaner/tasks', '/api/cleaner/tasks', '/api/inbox?limit=20&cursor=a%26b']);
  });

  test('takes the method from the contract and sends a write’s body with its Idempotency-Key', async () => {
    await call(E.getMe);
    await call(E.updateBin, { params: { code: 'ABC' }, body: { label: '03号桶' } }, { idempotencyKey: 'k-patch' });
    await call(E.setMySos, { body: { enabled: true } }, { idempotencyKey: 'k-put' });
    await call(E.markAllInboxRead, {}, { idempotencyKey: 'k-post' });
    expect(sent().map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/me', 'PATCH /api/bins/ABC', 'PUT /api/me/sos', 'POST /api/inbox/read-all']);
    expect(sent().map((r) => r.header['Idempotency-Key'])).toEqual([undefined, 'k-patch', 'k-put', 'k-post']);
    expect(sent().map((r) => r.data)).toEqual([undefined, { label: '03号桶' }, { enabled: true }, {}]);
  });

  test('anonymous calls carry no token', async () => {
    await call(E.devPeople, {}, { anonymous: true });
    await call(E.getMe);
    expect(sent().map((r) => r.header.Authorization)).toEqual([undefined, expect.stringMatching(/^Bearer test-token-/)]);
  });

  test('builds the outbox’s path from the contract, and refuses a path with a parameter missing', () => {
    expect(pathOf(E.reportBin, { code: 'AB/12' })).toBe('/api/bins/AB%2F12/report');
    expect(() => buildPath(E.reportBin.path, {})).toThrow('{code}');
    expect(() => buildPath(E.reportBin.path, { code: '' })).toThrow('{code}');
  });

  test('the type checker holds each call to its contract (tsc runs over this file)', () => {
    const typeOnly = async () => {
      // @ts-expect-error a parameter the contract does not name
      await call(E.getBin, { params: { id: 'x' } });
      // @ts-expect-error the path needs its parameter
      await call(E.getBin);
      // @ts-expect-error every write names its Idempotency-Key
      await call(E.reportBin, { params: { code: 'x' }, body: {} });
      // @ts-expect-error a body the contract does not accept
      await call(E.reportBin, { params: { code: 'x' }, body: { kind: 'broken' } }, { idempotencyKey: 'k' });
      // @ts-expect-error a query key the contract does not have
      await call(E.cleanerTasks, { query: { radius: 1 } });
      const me = await call(E.getMe);
      // @ts-expect-error the answer is typed by the contract's response
      void me.nope;
    };
    expect(typeof typeOnly).toBe('function');
  });
});
