import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { AppError, type TErrorBody } from '../../shared/errors';

/** A year: browsers then refuse plain http for the host until the header stops coming. */
const HSTS = 'max-age=31536000';
/** Nothing an API answer (JSON, a photo, a text echo) needs: an uploaded file opened as a page runs nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The headers every answer carries, static files and API alike. The senders below call it, so
 * route handlers get them on Vercel too, where our host does not run.
 */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  // the app links nowhere outside itself, and bin pages carry scene codes in their URLs
  res.setHeader('referrer-policy', 'no-referrer');
  // not includeSubDomains: other hosts under the same domain may still be plain http
  if (overHttps(res.req)) res.setHeader('strict-transport-security', HSTS);
}

/** TLS on our socket, or TLS ended by the proxy in front (which says so in X-Forwarded-Proto). */
function overHttps(req: IncomingMessage | undefined): boolean {
  if (!req) return false;
  if ((req.socket as TLSSocket | undefined)?.encrypted) return true;
  const proto = req.headers['x-forwarded-proto'];
  return (
    String(Array.isArray(proto) ? proto[0] : (proto ?? ''))
      .split(',')[0]
      .trim()
      .toLowerCase() === 'https'
  );
}

/** Writes JSON on a plain node response (works for Vercel's response too). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  setSecurityHeaders(res);
  res.setHeader('content-security-policy', API_CSP);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

export function errorBody(err: AppError, requestId: string): TErrorBody {
  return {
    error: { code: err.code, message: err.message, requestId, ...(err.issues ? { issues: err.issues } : {}) },
  };
}

export function sendError(res: ServerResponse, err: AppError, requestId: string): void {
  sendJson(res, err.status, errorBody(err, requestId), { 'x-request-id': requestId });
}

/** Writes bytes or text as they are (for callers that do not read JSON, such as WeChat). */
export function sendRaw(res: ServerResponse, status: number, out: { contentType: string; body: Buffer | string }, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  setSecurityHeaders(res);
  res.setHeader('content-security-policy', API_CSP);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', out.contentType);
  res.setHeader('content-length', Buffer.byteLength(out.body));
  res.end(out.body);
}

/**
 * A download: the bytes under the name the browser saves them as. The name goes twice — an
 * ASCII stand-in for old clients and the real one RFC 5987-encoded (Chinese names survive).
 */
export function sendFile(
  res: ServerResponse,
  status: number,
  file: { contentType: string; body: Buffer; filename: string },
  headers: Record<string, string> = {},
): void {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  sendRaw(res, status, file, { ...headers, 'content-disposition': disposition, 'cache-control': 'no-store' });
}

/** A route's `raw` for a file its use case returned base64 (the contract's JSON shape). */
export const fileOf = (f: { filename: string; contentType: string; base64: string }) => ({
  filename: f.filename,
  contentType: f.contentType,
  body: Buffer.from(f.base64, 'base64'),
});
