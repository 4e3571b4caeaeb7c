import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHost } from '../../functions/_lib/host';
import { parseEnv, setEnv } from '../../functions/runtime/env';
import { DEFAULT_MAP_TILES, mapTilesFrom, mapTilesOrigin } from '../../shared/domain/map-tiles';

/** The tile setting (decision 019): one parser for the build and the host, and the page's CSP follows it. */
describe('the tile setting', () => {
  it('defaults to 高德’s GCJ-02 tiles, turns off with off, and takes a template with its datum', () => {
    expect(mapTilesFrom({})).toEqual(DEFAULT_MAP_TILES);
    expect(DEFAULT_MAP_TILES.datum).toBe('gcj02');
    expect(mapTilesFrom({ url: 'off' })).toBeNull();
    expect(mapTilesFrom({ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' })).toEqual({
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      datum: 'wgs84',
      attribution: '© OpenStreetMap',
    });
    expect(mapTilesOrigin(DEFAULT_MAP_TILES)).toBe('https://webrd01.is.autonavi.com');
  });

  it('refuses what would show a blank map: no {z}/{x}/{y}, not http(s), an unknown datum', () => {
    expect(() => mapTilesFrom({ url: 'https://tiles.example/tile.png' })).toThrow(/\{z\}/);
    expect(() => mapTilesFrom({ url: 'ftp://tiles.example/{z}/{x}/{y}.png' })).toThrow();
    expect(() => mapTilesFrom({ url: 'https://tiles.example/{z}/{x}/{y}.png', datum: 'bd09' })).toThrow(/wgs84 or gcj02/);
    expect(() => parseEnv({ MAP_TILES: 'tiles please' })).toThrow(/MAP_TILES/);
  });
});

describe('the H5 page the host serves', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-tiles-'));
  const built = JSON.stringify(DEFAULT_MAP_TILES).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta name="xyj-map-tiles" content="${built}"><title>x</title></head><body></body></html>`,
  );
  // the back office's build names no tiles (it has no TARO_APP_MAP_TILES)
  fs.mkdirSync(path.join(dir, 'admin'));
  fs.writeFileSync(path.join(dir, 'admin/index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = createHost({ staticDir: dir, adminDir: path.join(dir, 'admin'), routes: { match: () => null } });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    setEnv(undefined);
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const page = async (at = '/') => {
    const r = await fetch(`${base}${at}`);
    const html = await r.text();
    const meta = /<meta name="xyj-map-tiles" content="([^"]*)">/.exec(html)?.[1] ?? null;
    const img = /img-src ([^;]*)/.exec(r.headers.get('content-security-policy') ?? '')![1];
    return {
      meta:
        meta &&
        meta
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      img,
    };
  };

  it('keeps the build’s source and lets images come from its origin only', async () => {
    setEnv(parseEnv({}));
    const p = await page();
    expect(JSON.parse(p.meta!)).toEqual(DEFAULT_MAP_TILES);
    expect(p.img).toBe("'self' data: blob: https://webrd01.is.autonavi.com");
  });

  it('puts its own MAP_TILES in the page and opens img-src to that origin instead', async () => {
    setEnv(parseEnv({ MAP_TILES: 'http://127.0.0.1:9/t/{z}/{x}/{y}.png', MAP_TILES_DATUM: 'gcj02', MAP_TILES_ATTRIBUTION: '"测试" <底图>' }));
    const p = await page();
    expect(JSON.parse(p.meta!)).toEqual({ url: 'http://127.0.0.1:9/t/{z}/{x}/{y}.png', datum: 'gcj02', attribution: '"测试" <底图>' });
    expect(p.img).toBe("'self' data: blob: http://127.0.0.1:9");
  });

  it('with MAP_TILES=off names no source and allows no outside images', async () => {
    setEnv(parseEnv({ MAP_TILES: 'off' }));
    const p = await page();
    expect(p.meta).toBe('');
    expect(p.img).toBe("'self' data: blob:");
  });

  it('gives the back office (/admin) the host’s tiles, else the H5 build’s default, with img-src to match', async () => {
    setEnv(parseEnv({}));
    let p = await page('/admin/');
    expect(JSON.parse(p.meta!)).toEqual(DEFAULT_MAP_TILES);
    expect(p.img).toBe("'self' data: blob: https://webrd01.is.autonavi.com");
    setEnv(parseEnv({ MAP_TILES: 'http://127.0.0.1:9/t/{z}/{x}/{y}.png' }));
    p = await page('/admin/');
    expect(JSON.parse(p.meta!)).toMatchObject({ url: 'http://127.0.0.1:9/t/{z}/{x}/{y}.png', datum: 'wgs84' });
    expect(p.img).toBe("'self' data: blob: http://127.0.0.1:9");
    setEnv(parseEnv({ MAP_TILES: 'off' }));
    p = await page('/admin/');
    expect(p.meta).toBe('');
    expect(p.img).toBe("'self' data: blob:");
  });
});
