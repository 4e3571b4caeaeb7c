import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { log } from './log';
import { sendError } from './respond';
import type { TRequest } from './route';
import { loadRoutes, type TRouteTable } from './routes';

export const MAX_BODY_BYTES = 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json',
};

/**
 * The single node:http host: every route file under /api (Vercel-style req.query/req.body),
 * and the H5 build as static files at / when `staticDir` exists. Tests, `npm start` and a
 * single-server deployment all run this.
 */
export function createHost(opts: { staticDir?: string; routes?: TRouteTable } = {}): http.Server {
  const routes = opts.routes ?? loadRoutes();
  return http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      log('error', 'host failure', { err: e instanceof Error ? e.stack : String(e) });
      if (!res.headersSent) sendError(res, new AppError('INTERNAL'), randomUUID());
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // a request target that is no URL at all ('//[' and the like) names nothing: 404, not a crash
    if (!URL.canParse(req.url ?? '/', 'http://localhost')) return sendError(res, new AppError('NOT_FOUND'), randomUUID());
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const found = routes.match(url.pathname.replace(/\/$/, ''));
      if (!found) return sendError(res, new AppError('NOT_FOUND'), randomUUID());
      const body = await readBody(req);
      if (body === 'too-large') return sendError(res, new AppError('PAYLOAD_TOO_LARGE'), randomUUID());
      const query: Record<string, string | string[]> = {};
      for (const k of new Set(url.searchParams.keys())) {
        const all = url.searchParams.getAll(k);
        query[k] = all.length > 1 ? all : all[0];
      }
      Object.assign(query, found.params);
      const vreq = Object.assign(req, { query, body }) as TRequest;
      return found.handler(vreq, res);
    }
    return serveStatic(opts.staticDir, url.pathname, res);
  }
}

function readBody(req: http.IncomingMessage): Promise<string | undefined | 'too-large'> {
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

function serveStatic(dir: string | undefined, pathname: string, res: http.ServerResponse): void {
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('H5 build not found: run npm run build:h5');
    return;
  }
  let file = path.normalize(path.join(dir, decodeURIComponent(pathname)));
  if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, 'index.html');
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('cache-control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
  fs.createReadStream(file).pipe(res);
}
