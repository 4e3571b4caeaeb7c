import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { createHost } from '../../functions/_lib/host';
import { defineRoute, defineRoutes } from '../../functions/_lib/route';
import { defineContract } from '../../shared/contracts/define';
import { MAX_INPUT_DEPTH } from '../../shared/contracts/input-hygiene';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

/** Input hygiene, decided once in the adapter for every route: characters, depth, broken escapes. */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;
let villager: { personId: string; token: string };
let bin: { id: string; code: string };

const HOSTILE = { NUL: '\u0000', 'a lone surrogate': '\uD800', 'U+FFFF': '\uFFFF' } as const;
const count = async (q: ReturnType<typeof sql>) => ((await d().execute(q)) as unknown as { rows: { n: number }[] }).rows[0].n;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  const p = await createPersonWithRole(d(), tree, 'villager');
  villager = { ...p, token: await tokenFor(d(), p.personId) };
  const cleaner = await createPersonWithRole(d(), tree, 'cleaner');
  bin = await createBin(d(), tree, [cleaner.personId]);
});

describe('characters nobody types', () => {
  it.each(Object.entries(HOSTILE))('refuses %s in a body field with 400 naming the field, echoing nothing and storing nothing', async (_, ch) => {
    const r = await api.call('POST', '/api/requests', {
      token: villager.token,
      body: { category: 'sanitation', text: `水沟堵了${ch}标记文字`, place: '门口' },
      headers: { 'idempotency-key': `hyg-${ch.codePointAt(0)}` },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.issues).toEqual([{ path: 'body.text', message: '含有无法识别的字符' }]);
    expect(JSON.stringify(r.body)).not.toContain('标记文字');
    expect(await count(sql`select count(*)::int as n from requests where requester_id = ${villager.personId}`)).toBe(0);
  });

  it.each([
    ['NUL', '%00'],
    ['U+FFFF', '%EF%BF%BF'],
    ['a control character', '%1B'],
  ])('refuses %s in a query field with 400 naming the field', async (_, esc) => {
    const r = await api.call('GET', `/api/inbox?cursor=abc${esc}def`, { token: villager.token });
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([{ path: 'query.cursor', message: '含有无法识别的字符' }]);
    expect(JSON.stringify(r.body)).not.toContain('abc');
  });

  it.each([
    ['NUL', '%00'],
    ['U+FFFF', '%EF%BF%BF'],
  ])('refuses %s in a path parameter with 400, even on a write, and records no report', async (_, esc) => {
    const r = await api.call('POST', `/api/bins/${bin.code}${esc}/report`, { token: villager.token, body: {} });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'params.code', message: '含有无法识别的字符' }] });
    expect(JSON.stringify(r.body)).not.toContain(bin.code);
    expect(await count(sql`select count(*)::int as n from bin_reports where bin_id = ${bin.id}`)).toBe(0);
  });

  it('refuses a bad character in an object key without echoing the key', async () => {
    const r = await api.call('POST', '/api/requests', { token: villager.token, body: { category: 'other', text: '钥匙丢了', 'sneaky\u0000key': 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([{ path: 'body', message: '字段名含有无法识别的字符' }]);
    expect(JSON.stringify(r.body)).not.toContain('sneaky');
  });

  it('still accepts tabs, new lines, emoji, right-to-left marks and rare CJK in free text', async () => {
    const text = '第一行\n\t第二行\r\n😀 \u200F\u202E 𠀀𪚥';
    const r = await api.call('POST', '/api/requests', { token: villager.token, body: { category: 'other', text } });
    expect(r.status).toBe(201);
    expect(r.body.text).toBe(text);
  });

  // a platform (Vercel) may hand the adapter values our own host could never produce
  it('refuses a lone surrogate that a platform hands over in a path parameter', async () => {
    const r = await withEchoRoute({ code: 'ok\uDC00' }, (base) => fetch(`${base}/api/echo/x`));
    expect(r.status).toBe(400);
    expect(r.body.error.issues).toEqual([{ path: 'params.code', message: '含有无法识别的字符' }]);
  });
});

describe('deeply nested JSON', () => {
  const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const post = (body: string) => (base: string) => fetch(`${base}/api/echo/x`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  it(`accepts ${MAX_INPUT_DEPTH} levels and refuses one more with 400 naming where`, async () => {
    // the body object is level 1, so `deep` may hold MAX - 1 more
    expect((await withEchoRoute({ code: 'x' }, post(`{"deep":${nest(MAX_INPUT_DEPTH - 1)}}`))).status).toBe(200);
    const deep = await withEchoRoute({ code: 'x' }, post(`{"deep":${nest(MAX_INPUT_DEPTH)}}`));
    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: `body.deep${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`, message: '内容层级过深' }],
    });
  });

  // zod strips the unknown field, but the Idempotency-Key hash read the raw body and overflowed the stack: 500
  it('refuses a deep unknown field beside a good body sent with an Idempotency-Key', async () => {
    const rawBody = `{"category":"other","text":"钥匙丢了","x":${nest(200_000)}}`;
    const r = await api.call('POST', '/api/requests', { token: villager.token, rawBody, headers: { 'idempotency-key': 'hyg-deep-extra' } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: `body.x${'.0'.repeat(MAX_INPUT_DEPTH - 1)}`, message: '内容层级过深' }] });
  });

  // WeChat's push takes loose objects, so zod alone would let this through to the use case
  it('refuses JSON nested half a million levels deep (under 1 MB) with 400, not a stack overflow', async () => {
    const r = await api.call('POST', '/api/wechat/push?signature=s&timestamp=1&nonce=n', { rawBody: `{"result":{"suggest":"pass","extra":${nest(500_000)}}}` });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('broken percent escapes in /api paths', () => {
  it.each(['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF'])('answers 404 for a path parameter spelled %s', async (esc) => {
    const r = await api.call('GET', `/api/bins/ab${esc}-x`, { token: villager.token });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for a broken escape in a static segment, and never 500 for an odd request target', async () => {
    expect((await api.call('GET', '/api/he%zzalth')).status).toBe(404);
    const raw = await rawRequest(api.baseUrl(), 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 4\d\d /);
  });
});

/** Serves a throwaway POST/GET /api/echo/{code} whose body takes anything, with `params` as a platform would hand them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function withEchoRoute(params: Record<string, string>, go: (base: string) => Promise<Response>): Promise<{ status: number; body: any }> {
  const shape = { path: '/api/echo/{code}', summary: 'x', tag: 't', params: z.object({ code: z.string() }), response: z.object({}) };
  const get = defineRoute(defineContract({ ...shape, method: 'GET' }), { access: 'public', handle: async () => ({}) });
  const post = defineRoute(defineContract({ ...shape, method: 'POST', body: z.object({ deep: z.unknown() }) }), { access: 'public', handle: async () => ({}) });
  const handler = defineRoutes(get, post);
  const server = createHost({ routes: { match: () => ({ handler, params }) } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const res = await go(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return { status: res.status, body: await res.json() };
  } finally {
    await new Promise<void>((r) => (server as http.Server).close(() => r()));
  }
}

/** Sends bytes as they are, for request targets fetch() would refuse or normalise. */
function rawRequest(base: string, text: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), '127.0.0.1', () => s.end(text));
    let out = '';
    s.on('data', (c) => (out += c.toString()));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}
