import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { media } from '../../db/schema/media';
import health from '../../functions/api/health';
import publicPhotoRoute from '../../functions/api/media/[id]/public';
import { env } from '../../functions/runtime/env';
import { publicMediaUrl } from '../../functions/services/media/media-link';
import { useTestDb } from '../helpers/db';
import { rawRequest, tokenFor, useApi } from '../helpers/api';

/** Headers every kind of answer carries: API JSON, API errors, photo bytes, the H5 page and its files. */
const h5 = fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-headers-'));
const INLINE = 'document.documentElement.style.fontSize="20px"';
fs.writeFileSync(path.join(h5, 'index.html'), `<!doctype html><html><head><script>${INLINE}</script></head><body></body></html>`);

const db = useTestDb();
const api = useApi({ staticDir: h5 });
const d = () => db.handle().db;
// a valid 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const COMMON = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

afterAll(() => fs.rmSync(h5, { recursive: true, force: true }));

/** A photo uploaded by a villager, and its signed link as WeChat's content check fetches it. */
async function publicPhoto(): Promise<{ id: string; target: string }> {
  const tree = await createOrgTree(d());
  const token = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager')).personId);
  const up = await api.call('POST', '/api/media', { token, body: { dataBase64: PNG.toString('base64') } });
  const link = new URL(publicMediaUrl(env(), up.body.id, new Date()));
  return { id: up.body.id, target: link.pathname + link.search };
}

describe('security headers', () => {
  it('are on API answers, errors and static files alike, and API answers may run and embed nothing', async () => {
    const { target } = await publicPhoto();
    for (const [what, path] of [
      ['json', '/api/health'],
      ['error', '/api/no-such-thing'],
      ['photo', target],
      ['page', '/'],
      ['fallback', '/pkg-scan/bin/index'],
    ]) {
      const r = await rawRequest(api.baseUrl(), path);
      expect({ what, headers: r.headers }).toMatchObject({ what, headers: COMMON });
      if (path.startsWith('/api/'))
        expect({ what, csp: r.headers['content-security-policy'] }).toEqual({ what, csp: "default-src 'none'; frame-ancestors 'none'" });
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('are set by the route files themselves, so they come on Vercel too, where our host does not run', async () => {
    const { id, target } = await publicPhoto();
    const query = Object.fromEntries(new URL(target, 'http://x').searchParams);
    // Vercel's runtime: a plain node server calling the route's default export with req.query
    const bare = http.createServer((req, res) => {
      const route = req.url === '/health' ? health : publicPhotoRoute;
      void route(Object.assign(req, { query: req.url === '/health' ? {} : { ...query, id } }), res);
    });
    await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
    try {
      for (const path of ['/health', '/photo']) {
        const r = await rawRequest(base, path, { headers: { 'x-forwarded-proto': 'https' } });
        expect({ path, status: r.status, headers: r.headers }).toMatchObject({
          path,
          status: 200,
          headers: { ...COMMON, 'strict-transport-security': 'max-age=31536000' },
        });
      }
    } finally {
      await new Promise((r) => bare.close(r));
    }
  });

  it('answer a photo with nosniff and the type its bytes are, whatever its row says', async () => {
    const { id, target } = await publicPhoto();
    await d().update(media).set({ contentType: 'image/jpeg' }).where(eq(media.id, id));
    const r = await rawRequest(api.baseUrl(), target);
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(r.body.equals(PNG)).toBe(true);
  });

  it('give the H5 page a policy that allows its own inline script by its hash, never any inline script or eval', async () => {
    const csp = String((await rawRequest(api.baseUrl(), '/')).headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toContain(sha256(INLINE));
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives).toMatchObject({ 'default-src': ["'self'"], 'connect-src': ["'self'"], 'object-src': ["'none'"], 'frame-ancestors': ["'none'"] });
  });

  it('add HSTS only when the request came over https (the proxy in front says X-Forwarded-Proto)', async () => {
    for (const path of ['/api/health', '/api/no-such-thing', '/']) {
      const r = await rawRequest(api.baseUrl(), path, { headers: { 'x-forwarded-proto': 'https' } });
      expect({ path, hsts: r.headers['strict-transport-security'] }).toEqual({ path, hsts: 'max-age=31536000' });
      const plain = await rawRequest(api.baseUrl(), path, { headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
