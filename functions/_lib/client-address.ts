import type { IncomingMessage } from 'node:http';

/**
 * The client's address. Behind a proxy that appends the peer it saw to X-Forwarded-For
 * (TRUST_PROXY=1: nginx's $proxy_add_x_forwarded_for, Vercel), that last entry; otherwise the
 * socket's peer. Earlier entries are the client's own claims and are never trusted.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const xff = req.headers['x-forwarded-for'];
    const last = (Array.isArray(xff) ? xff.join(',') : (xff ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return req.socket?.remoteAddress;
}
