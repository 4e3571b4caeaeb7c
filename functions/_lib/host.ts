import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AppError } from '../../shared/errors';
import { log } from './log';
import { sendError, setSecurityHeaders } from './respond';
import type { TRequest } from './route';
import { loadRoutes, type TRouteTable } from './routes';
import { adminMapTiles, env, hostMapTiles } from '../runtime/env';
import { serveStatic, type TStaticOptions } from './static';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The single node:http host: every route file under /api (Vercel-style req.query/req.body),
 * the H5 build as static files at / when `staticDir` exists, and the web back office (admin/,
 * built to `adminDir`) at /admin. Tests, `npm start` and a
 * single-server deployment all run this.
 */
export function createHost(opts: { staticDir?: string; adminDir?: string; routes?: TRouteTable } & TStaticOptions = {}): http.Server {
  const routes = opts.routes ?? loadRoutes();
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      log('error', 'host failure', { err: e instanceof Error ? e.stack : String(e) });
      if (!res.headersSent) sendError(res, new AppError('INTERNAL'), randomUUID());
      else res.destroy();
    });
  });
  // Clients reuse an idle connection until a second before the server's keep-alive timeout; on a
  // busy machine that second is not enough and a request meets a closing socket. Idle
  // connections live longer than any client keeps them (a proxy in front usually keeps 60 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = requestUrl(req.url);
    if (!url) return sendError(res, new AppError('VALIDATION_FAILED', { message: '请求地址无效' }), randomUUID());
    // API answers set the security headers as they are sent (respond.ts); static files here
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const found = routes.match(url.pathname.replace(/\/$/, ''));
      if (!found) return sendError(res, new AppError('NOT_FOUND'), randomUUID());
      const reading = readBody(req);
      const body = reading && (await reading);
      if (body === 'too-large') return sendError(res, new AppError('PAYLOAD_TOO_LARGE'), randomUUID());
      const query: Record<string, string | string[]> = {};
      if (url.searchParams)
        for (const k of new Set(url.searchParams.keys())) {
          const all = url.searchParams.getAll(k);
          query[k] = all.length > 1 ? all : all[0];
        }
      Object.assign(query, found.params);
      const vreq = Object.assign(req, { query, body }) as TRequest;
      return found.handler(vreq, res);
    }
    setSecurityHeaders(res);
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/'))
      return serveStatic(opts.adminDir, req, url.pathname.slice('/admin'.length) || '/', res, {
        precompressed: opts.precompressed,
        // the admin build names no tiles: the host's, else the default the H5 build uses (decision 019)
        mapTiles: () => adminMapTiles(env()),
        missing: 'admin build not found: run npm run build:admin',
      });
    return serveStatic(opts.staticDir, req, url.pathname, res, { mapTiles: () => hostMapTiles(env()), ...opts });
  }
}

/**
 * A target WHATWG URL parsing leaves as it is: a path without dot segments, escapes or other
 * characters to normalise, and a query of printable ASCII (no fragment).
 */
const PLAIN_TARGET = /^\/(?!\/)[\w/-]*(\?[\x21\x22\x24-\x7e]*)?$/;

/**
 * The request target's path and query; null when it is not one ("//x:y" would throw in
 * `new URL(…, base)`). A plain target (every API call) is split without building a URL; anything
 * else is normalised by the URL parser.
 */
export function requestUrl(target = '/'): { pathname: string; searchParams: URLSearchParams | null } | null {
  if (PLAIN_TARGET.test(target)) {
    const q = target.indexOf('?');
    return q < 0 ? { pathname: target, searchParams: null } : { pathname: target.slice(0, q), searchParams: new URLSearchParams(target.slice(q)) };
  }
  try {
    const url = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
    return { pathname: url.pathname, searchParams: url.searchParams };
  } catch {
    return null;
  }
}

function readBody(req: http.IncomingMessage): Promise<string | undefined | 'too-large'> | undefined {
  // neither header: HTTP/1.1 says there is no body (most GETs); node drains the stream itself
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return undefined;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too-large' : size ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.on('error', reject);
  });
}
