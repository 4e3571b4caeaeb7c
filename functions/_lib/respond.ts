import type { ServerResponse } from 'node:http';
import { AppError, type TErrorBody } from '../../shared/errors';

/** Writes JSON on a plain node response (works for Vercel's response too). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
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
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('content-type', out.contentType);
  res.setHeader('content-length', Buffer.byteLength(out.body));
  res.end(out.body);
}
