import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import type http from 'node:http';
import { startSession } from '../../functions/services/auth/start-session';
import { createHost } from '../../functions/_lib/host';
import type { Db } from '../../db/client';

export type TApiResponse<T = any> = { status: number; body: T; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export type TCallOptions = { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

/** Starts the real node:http host on a free port for this test file (with `host` options, e.g. a static folder); calls go over HTTP. */
export function useApi(host: Parameters<typeof createHost>[0] = {}): {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call: <T = any>(method: string, path: string, opts?: TCallOptions) => Promise<TApiResponse<T>>;
  baseUrl: () => string;
} {
  let server: http.Server | undefined;
  let base = '';
  beforeAll(async () => {
    server = createHost(host);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });
  return {
    baseUrl: () => base,
    call: async (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(base + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed as never, headers: res.headers };
    },
  };
}

/** A session token for a person, issued the same way sign-in issues it. */
export async function tokenFor(db: Db, personId: string): Promise<string> {
  const s = await startSession(db, { id: personId, name: 'x' }, { method: 'dev', now: new Date(), ttlDays: 1 });
  return s.token;
}

/**
 * One request with the target exactly as given (fetch would resolve `/../x` first) and the body
 * as bytes, undecoded (fetch would undo a Content-Encoding).
 */
export function rawRequest(
  base: string,
  target: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: target, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
