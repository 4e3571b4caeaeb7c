import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { defineContract } from '../../shared/contracts/define';
import { createHost } from '../../functions/_lib/host';
import { defineRoute, type THandler } from '../../functions/_lib/route';
import { createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();

describe('the route adapter', () => {
  it('answers 405 with Allow for a wrong method, with a request id in body and header', async () => {
    const r = await api.call('DELETE', '/api/health');
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
    expect(r.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(r.body.error.requestId).toBe(r.headers.get('x-request-id'));
  });

  it('keeps a sane caller-supplied request id and replaces a bad one', async () => {
    const good = await api.call('GET', '/api/health', { headers: { 'x-request-id': 'abc-12345678' } });
    expect(good.headers.get('x-request-id')).toBe('abc-12345678');
    const bad = await api.call('GET', '/api/health', { headers: { 'x-request-id': '<script>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 without a token and with a revoked one', async () => {
    expect((await api.call('GET', '/api/me')).status).toBe(401);
    expect((await api.call('GET', '/api/me', { token: 'not-a-real-token' })).body.error.code).toBe('UNAUTHENTICATED');
    const tree = await createOrgTree(db.handle().db);
    const p = await createPersonWithRole(db.handle().db, tree, 'villager');
    const token = await tokenFor(db.handle().db, p.personId);
    expect((await api.call('GET', '/api/me', { token })).status).toBe(200);
    expect((await api.call('POST', '/api/auth/logout', { token, body: {} })).status).toBe(200);
    expect((await api.call('GET', '/api/me', { token })).status).toBe(401);
  });

  it('answers 400 MALFORMED_JSON for a broken body and 413 for a body over 1 MB', async () => {
    const broken = await api.call('POST', '/api/auth/dev-login', { rawBody: '{"personId":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_JSON');
    const big = await api.call('POST', '/api/auth/dev-login', { rawBody: JSON.stringify({ x: 'a'.repeat(1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 VALIDATION_FAILED with the field issues', async () => {
    const r = await api.call('POST', '/api/auth/dev-login', { body: { personId: 'nope' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.issues.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown API path and a malformed id in the path', async () => {
    expect((await api.call('GET', '/api/nothing-here')).status).toBe(404);
    const tree = await createOrgTree(db.handle().db);
    const head = await createPersonWithRole(db.handle().db, tree, 'courtyard_head');
    const token = await tokenFor(db.handle().db, head.personId);
    expect((await api.call('POST', '/api/join-requests/not-a-uuid/approve', { token, body: {} })).status).toBe(404);
  });

  it('turns an unknown failure into 500 INTERNAL with no internals in the body', async () => {
    const boom = defineContract({ method: 'GET', path: '/api/boom', summary: 'x', tag: 't', response: z.object({}) });
    const handler = defineRoute(boom, {
      access: 'public',
      handle: async () => {
        throw new Error('secret table xyz exploded');
      },
    });
    const broken = defineRoute(boom, { access: 'public', handle: async () => ({ unexpected: 1 }) as never });
    const strict = defineContract({ method: 'GET', path: '/api/strict', summary: 'x', tag: 't', response: z.object({ n: z.number() }) });
    const contractBreaker = defineRoute(strict, { access: 'public', handle: async () => ({ n: 'one' }) as never });
    const table = new Map<string, THandler>([
      ['/api/boom', handler],
      ['/api/broken', broken],
      ['/api/strict', contractBreaker],
    ]);
    const server = createHost({ routes: { match: (p) => (table.has(p) ? { handler: table.get(p)!, params: {} } : null) } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await fetch(`${base}/api/boom`);
      const text = await r.text();
      expect(r.status).toBe(500);
      expect(JSON.parse(text).error).toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
      expect(text).not.toMatch(/secret|xyz|exploded|Error|at /);
      expect((await fetch(`${base}/api/strict`)).status).toBe(500);
    } finally {
      await new Promise<void>((r) => (server as http.Server).close(() => r()));
    }
  });
});
