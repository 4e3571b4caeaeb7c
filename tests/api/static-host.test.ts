import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { rawRequest, tokenFor, useApi } from '../helpers/api';

/**
 * The host's static side on a folder laid out like the H5 build, with a sibling folder whose
 * name starts with the build's name (dist/h5 and dist/h5-private): what may be read, how it is
 * encoded and how long browsers keep it.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-static-'));
const h5 = path.join(root, 'h5');
const INDEX =
  '<!doctype html><html><head><script>document.documentElement.style.fontSize="20px"</script><script defer src="/js/app.0a1b2c3d.js"></script></head><body><div id="app"></div></body></html>';
const APP_JS = `console.log(${JSON.stringify('小院家 '.repeat(400))});`;
fs.mkdirSync(path.join(h5, 'js'), { recursive: true });
fs.mkdirSync(path.join(root, 'h5-private'));
fs.writeFileSync(path.join(h5, 'index.html'), INDEX);
fs.writeFileSync(path.join(h5, 'js/app.0a1b2c3d.js'), APP_JS);
fs.writeFileSync(path.join(h5, 'js/app.0a1b2c3d.js.br'), brotliCompressSync(APP_JS));
fs.writeFileSync(path.join(h5, 'js/app.0a1b2c3d.js.gz'), gzipSync(APP_JS));
fs.writeFileSync(path.join(h5, 'robots.txt'), 'User-agent: *\n');
fs.writeFileSync(path.join(root, 'h5-private/secret.txt'), 'SECRET');

const db = useTestDb();
const api = useApi({ staticDir: h5 });
const get = (target: string, headers: Record<string, string> = {}) => rawRequest(api.baseUrl(), target, { headers });

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the static host', () => {
  it('stays inside its folder: a sibling folder sharing its name is not reachable by any spelling of ..', async () => {
    for (const target of [
      '/..%2fh5-private%2fsecret.txt',
      '/../h5-private/secret.txt',
      '/%2e%2e/h5-private/secret.txt',
      '/js/..%2f..%2fh5-private%2fsecret.txt',
      '/..%5ch5-private%5csecret.txt',
    ]) {
      const r = await get(target);
      expect({ target, body: r.body.toString() }).toEqual({ target, body: INDEX });
    }
    expect((await get('/robots.txt')).body.toString()).toBe('User-agent: *\n');
  });

  it('answers a malformed percent-escape with 400 (static) or 404 (API), never 500', async () => {
    for (const target of ['/%E0%A4%A', '/js/%zz.js', '/%']) {
      const r = await get(target);
      expect({ target, status: r.status }).toEqual({ target, status: 400 });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const tree = await createOrgTree(db.handle().db);
    const token = await tokenFor(db.handle().db, (await createPersonWithRole(db.handle().db, tree, 'villager')).personId);
    for (const target of ['/api/media/%E0%A4%A', '/api/%zz', '/api/bins/%C0']) {
      const r = await rawRequest(api.baseUrl(), target, { headers: { authorization: `Bearer ${token}` } });
      expect({ target, status: r.status }).toEqual({ target, status: 404 });
    }
    // a request target that is no URL at all
    expect((await get('http://[::1')).status).toBe(400);
    expect((await rawRequest(api.baseUrl(), '/', { method: 'POST' })).status).toBe(405);
  });

  it('serves brotli, else gzip, else the plain file by Accept-Encoding, each with its type and Vary', async () => {
    const br = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'content-type': 'text/javascript; charset=utf-8', vary: 'Accept-Encoding' });
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    const gz = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/js/app.0a1b2c3d.js', accept ? { 'accept-encoding': accept } : {});
      expect({ accept, encoding: plain.headers['content-encoding'], vary: plain.headers.vary, body: plain.body.toString() }).toEqual({
        accept,
        encoding: undefined,
        vary: 'Accept-Encoding',
        body: APP_JS,
      });
    }
  });

  it('ignores a compressed copy older than its file (a rebuild that skipped precompression)', async () => {
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(h5, 'js/app.0a1b2c3d.js.br'), old, old);
    const r = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    const now = new Date(Date.now() + 1000);
    fs.utimesSync(path.join(h5, 'js/app.0a1b2c3d.js.br'), now, now);
    expect((await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBe('br');
  });

  it('lets browsers keep hashed files for a year and makes them ask again for index.html', async () => {
    expect((await get('/js/app.0a1b2c3d.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const target of ['/', '/index.html', '/pkg-scan/bin/index', '/js/app.00000000.js']) {
      const r = await get(target);
      expect({ target, cache: r.headers['cache-control'], type: r.headers['content-type'] }).toEqual({
        target,
        cache: 'no-cache',
        type: 'text/html; charset=utf-8',
      });
    }
    expect((await get('/robots.txt')).headers['cache-control']).toBe('public, max-age=3600');
  });
});
