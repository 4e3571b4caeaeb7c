import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { MAP_TILES_META, mapTilesOrigin, type TMapTiles } from '../../shared/domain/map-tiles';
import { setSecurityHeaders } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files named by content (miniapp/config: js/[name].[contenthash:8].js, css likewise): a new build gives new names. */
const HASHED = /\/(js|css)\/[^/]+\.[0-9a-f]{8}\.(js|css)$/;

/** Written beside each asset by scripts/precompress.mjs, best first. */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

export type TStaticOptions = {
  /** false: ignore the .br/.gz files and answer every asset uncompressed (the bench's "before") */
  precompressed?: boolean;
  /**
   * The tile map's source to write into index.html (undefined: the build's, null: none). The
   * page's img-src opens to the tiles' origin either way.
   */
  mapTiles?: () => TMapTiles | null | undefined;
  /** the 404 text when the folder holds no build */
  missing?: string;
};

/**
 * The H5 build at /: a file of the folder, or index.html for anything else (hash routing).
 * The path never leaves the folder; precompressed variants are chosen by Accept-Encoding.
 */
export function serveStatic(dir: string | undefined, req: http.IncomingMessage, pathname: string, res: http.ServerResponse, opts: TStaticOptions = {}): void {
  setSecurityHeaders(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, '不支持的请求方法', { allow: 'GET, HEAD' });
  const root = dir ? path.resolve(dir) : undefined;
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) return plain(res, 404, opts.missing ?? 'H5 build not found: run npm run build:h5');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return plain(res, 400, '请求地址无效');
  }
  const found = insideFile(root, decoded);
  const file = found ?? path.join(root, 'index.html');
  const html = file.endsWith('.html');
  const tiles = html ? opts.mapTiles?.() : undefined;
  if (tiles !== undefined) return sendHtml(req, res, withMapTiles(fs.readFileSync(file, 'utf8'), tiles));
  const variant = opts.precompressed === false ? null : chooseVariant(file, req.headers['accept-encoding']);
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader(
    'cache-control',
    html ? 'no-cache' : HASHED.test(file.split(path.sep).join('/')) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
  );
  if (html) res.setHeader('content-security-policy', pagePolicy(file));
  if (variant?.vary) res.setHeader('vary', 'Accept-Encoding');
  if (variant?.encoding) res.setHeader('content-encoding', variant.encoding);
  const served = variant?.path ?? file;
  res.setHeader('content-length', fs.statSync(served).size);
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(served).pipe(res);
}

/** index.html rewritten by the host (its own tile source): small, sent uncompressed, never cached. */
function sendHtml(req: http.IncomingMessage, res: http.ServerResponse, html: string): void {
  const body = Buffer.from(html);
  res.statusCode = 200;
  res.setHeader('content-type', TYPES['.html']);
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('content-security-policy', policyOf(html));
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const META = new RegExp(`<meta name="${MAP_TILES_META}" content="([^"]*)"\\s*/?>`);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => Object.entries(ENTITIES).find(([, v]) => v === c)![0]);

/** The page with its tile meta tag set to `tiles` (or emptied). */
function withMapTiles(html: string, tiles: TMapTiles | null): string {
  const tag = `<meta name="${MAP_TILES_META}" content="${tiles ? escapeHtml(JSON.stringify(tiles)) : ''}">`;
  return META.test(html) ? html.replace(META, tag) : html.replace('</head>', `${tag}</head>`);
}

/** The origin of the tiles the page's meta tag names, or null. */
function tilesOriginOf(html: string): string | null {
  const content = META.exec(html)?.[1];
  if (!content) return null;
  try {
    return mapTilesOrigin(JSON.parse(unescapeHtml(content)) as TMapTiles);
  } catch {
    return null;
  }
}

/** The file `decoded` names inside `root`, or null (missing, a folder, or outside: `/../h5-private/x`). */
function insideFile(root: string, decoded: string): string | null {
  if (decoded.includes('\0')) return null;
  const file = path.join(root, decoded);
  // a separator after the root: "dist/h5-private" starts with "dist/h5" but is not inside it
  if (!file.startsWith(root + path.sep)) return null;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? file : null;
}

/** The best precompressed variant the client accepts; ignored when older than the file (a rebuild without precompress). */
function chooseVariant(file: string, acceptEncoding: string | string[] | undefined): { path?: string; encoding?: string; vary: boolean } | null {
  const mtime = fs.statSync(file).mtimeMs;
  const fresh = ENCODINGS.filter((e) => (fs.statSync(file + e.ext, { throwIfNoEntry: false })?.mtimeMs ?? -1) >= mtime);
  if (!fresh.length) return null;
  const accepted = acceptedEncodings(String(acceptEncoding ?? ''));
  const best = fresh.find((e) => accepted.has(e.name));
  return best ? { path: file + best.ext, encoding: best.name, vary: true } : { vary: true };
}

/** Codings with q > 0 from an Accept-Encoding header ("br;q=1.0, gzip, *;q=0"). */
function acceptedEncodings(header: string): Set<string> {
  const out = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && (!q || Number(q[1]) > 0)) out.add(name);
  }
  return out;
}

const policies = new Map<string, { mtime: number; csp: string }>();

/**
 * The H5 page's Content-Security-Policy: scripts from this origin plus the build's one
 * inline script (Taro's rem sizing) by its hash, so injected markup runs nothing. What else
 * the build needs was found by running the browser tests under a stricter policy: Taro's
 * components and NutUI insert <style> elements and style attributes (styles cannot run code),
 * tab icons and shown photos are data: URLs, a chosen photo is a blob: URL, and the icon font
 * is inlined as data:. The API is same-origin. The tile map's images come from the origin its
 * meta tag names.
 */
function pagePolicy(file: string): string {
  const mtime = fs.statSync(file).mtimeMs;
  const cached = policies.get(file);
  if (cached?.mtime === mtime) return cached.csp;
  const csp = policyOf(fs.readFileSync(file, 'utf8'));
  policies.set(file, { mtime, csp });
  return csp;
}

function policyOf(html: string): string {
  const tiles = tilesOriginOf(html);
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  return [
    "default-src 'self'",
    // Taro's tab bar links are <a href="javascript:;">: that one no-op URL, by its hash
    `script-src 'self' ${inline.join(' ')} 'unsafe-hashes' ${sha256('javascript:;')}`,
    "style-src 'self' 'unsafe-inline'",
    // the tile map's tiles (decision 019)
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function plain(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(text);
}
