import http from 'node:http';
import type { AddressInfo } from 'node:net';
import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { signInAsDemo, testPng, until, type TDevPerson, type TMeLite } from '../helpers/e2e-page';
import { unreadableText } from '../helpers/readability';

/**
 * Real maps on the H5 build (decision 019). A tiny tile server on loopback answers a PNG for
 * any {z}/{x}/{y}; the host is configured with it as GCJ-02 tiles (as 高德's are), so every
 * point must be converted from the stored WGS-84 on its way to the map and back. The cleaner's
 * route shows tiles, the start and numbered stops exactly where their GCJ-02 positions fall on
 * the tiles, and 导航 links 高德 with the GCJ-02 point; a cadre moves a bin by clicking the map
 * and the stored point is the WGS-84 of the spot clicked. With the tile server gone the route
 * falls back to the drawing.
 */
const tileRequests: string[] = [];
let tileServer: http.Server;
let tileBase = '';
const PNG = testPng(256, 256);

beforeAll(async () => {
  tileServer = http.createServer((req, res) => {
    const m = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    tileRequests.push(req.url!);
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length, 'cache-control': 'no-store' }).end(PNG);
  });
  await new Promise<void>((r) => tileServer.listen(0, '127.0.0.1', r));
  tileBase = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (!tileServer.listening) return;
  tileServer.closeAllConnections();
  await new Promise<void>((r) => tileServer.close(() => r()));
});

// declared after the tile server's beforeAll, so its env is read once the port is known
const app = useE2eApp(() => ({ MAP_TILES: `${tileBase}/tiles/{z}/{x}/{y}.png`, MAP_TILES_DATUM: 'gcj02', MAP_TILES_ATTRIBUTION: '测试底图' }));
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

type TBin = { id: string; label: string; code: string; state: string; lat: number; lng: number; cleaners: { id: string }[] };
type TTasks = {
  start: { lat: number; lng: number };
  stops: { order: number; reportId: string; bin: { id: string; label: string; lat: number; lng: number } }[];
};

const toGcj = (p: { lat: number; lng: number }) => {
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
};
const fromGcj = (p: { lat: number; lng: number }) => {
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat, lng };
};
/** Web Mercator world pixels at zoom z (Leaflet's and every tile server's projection). */
const project = (p: { lat: number; lng: number }, z: number) => {
  const s = 256 * 2 ** z;
  const r = (p.lat * Math.PI) / 180;
  return { x: ((p.lng + 180) / 360) * s, y: ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * s };
};
const unproject = (q: { x: number; y: number }, z: number) => {
  const s = 256 * 2 ** z;
  const lng = (q.x / s) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * q.y) / s))) * 180) / Math.PI;
  return { lat, lng };
};
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const k = Math.PI / 180;
  return Math.hypot((b.lng - a.lng) * k * Math.cos(a.lat * k), (b.lat - a.lat) * k) * 6_371_000;
};

/**
 * The zoom the map shows now and the screen box of the tile holding a (GCJ-02) point; waits (10 s
 * at most) for that tile: on a loaded machine Leaflet may still be loading it after the fit.
 */
async function tileUnder(page: Page, map: string, p: { lat: number; lng: number }) {
  const end = Date.now() + 10_000;
  for (;;) {
    const found = await loadedTileUnder(page, map, p);
    if (typeof found !== 'string') return found;
    if (Date.now() > end) throw new Error(found);
    await page.waitForTimeout(100);
  }
}

async function loadedTileUnder(page: Page, map: string, p: { lat: number; lng: number }) {
  const tiles = await page.locator(`[data-testid="${map}"]:visible img.leaflet-tile-loaded`).evaluateAll((imgs) =>
    imgs.map((i) => {
      const r = i.getBoundingClientRect();
      return { src: (i as HTMLImageElement).src, left: r.left, top: r.top };
    }),
  );
  const z = Math.max(...tiles.map((t) => Number(/\/tiles\/(\d+)\//.exec(t.src)![1])));
  const w = project(p, z);
  const tx = Math.floor(w.x / 256);
  const ty = Math.floor(w.y / 256);
  const tile = tiles.find((t) => t.src.endsWith(`/tiles/${z}/${tx}/${ty}.png`));
  if (!tile) return `no loaded tile ${z}/${tx}/${ty}`;
  return { z, screen: { x: tile.left + (w.x - tx * 256), y: tile.top + (w.y - ty * 256) } };
}

async function cast() {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!;
  const cleaner = people.find((p) => p.role === 'cleaner' && p.scopeName === '石坝村')!;
  const cadreToken = await app.devToken(cadre.id);
  const villageId = (await api<TMeLite>('GET', '/api/me', cadreToken)).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const { items: bins } = await api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken);
  // the village's third villager: on the shared server database bins.test.ts reports as the first
  const villagers: string[] = [];
  for (const p of people.filter((x) => x.role === 'villager')) {
    const token = await app.devToken(p.id);
    if ((await api<TMeLite>('GET', '/api/me', token)).village?.id === villageId) villagers.push(token);
    if (villagers.length === 3) break;
  }
  const villagerToken = villagers[2];
  const cleanerToken = await app.devToken(cleaner.id);
  /**
   * `n` of the cleaner's bins this villager may report now, from the end of the list (bins.test.ts
   * takes the first): none open, none reported by them in the last 30 minutes.
   */
  const reportable = async (n: number): Promise<TBin[]> => {
    const open = new Set((await api<TTasks>('GET', '/api/cleaner/tasks', cleanerToken)).stops.map((s) => s.bin.id));
    const out: TBin[] = [];
    for (const b of [...bins].reverse()) {
      if (out.length === n) break;
      if (b.state !== 'active' || !b.cleaners.some((c) => c.id === cleaner.id) || open.has(b.id)) continue;
      const seen = await api<{ myNextReportAt?: string | null }>('GET', `/api/bins/${b.code}`, villagerToken);
      if (!seen.myNextReportAt || new Date(seen.myNextReportAt).getTime() <= Date.now()) out.push(b);
    }
    return out;
  };
  return { cadre, cadreToken, cleaner, cleanerToken, villageId, bins, villagerToken, reportable };
}

test('the cleaner’s route shows tiles with the start and numbered stops where they are, and 导航 links 高德 in GCJ-02', async () => {
  const { context } = app.browser;
  const page = await context.newPage();
  const { cleaner, cleanerToken, bins, villagerToken, reportable } = await cast();
  const mine = await reportable(2);
  for (const b of mine) await api('POST', `/api/bins/${b.code}/report`, villagerToken, { kind: 'full' });
  const links: string[] = [];
  await page.exposeFunction('__xyjMapLink', (url: string) => void links.push(url));
  await page.addInitScript(() => {
    (window as unknown as { __XYJ_OPEN_MAP_LINK__: (u: string) => void }).__XYJ_OPEN_MAP_LINK__ = (u) =>
      (window as unknown as { __xyjMapLink: (u: string) => void }).__xyjMapLink(u);
  });

  await signInAsDemo(page, app.base, cleaner.id);
  await page.goto(`${app.base}/#/pkg-clean/tasks/index`);
  const map = byId(page, 'route-map');
  await until(() => map.getAttribute('data-mode'), 'tiles', 20_000);
  const tasks = await api<TTasks>('GET', '/api/cleaner/tasks', cleanerToken);
  await expect(map.getAttribute('data-stops')).resolves.toBe(String(tasks.stops.length));
  expect(tileRequests.length).toBeGreaterThan(0);
  await expect(map.innerText()).resolves.toContain('测试底图'); // the attribution
  await expect(page.locator('[data-testid="route-map-drawing"]:visible').count()).resolves.toBe(0);

  // the start (起) and one numbered marker per stop, stop 1 red
  const markers = map.locator('[data-testid="geo-marker"]');
  await until(() => markers.count(), tasks.stops.length + 1);
  const texts = await markers.allInnerTexts();
  expect(new Set(texts)).toEqual(new Set(['起', ...tasks.stops.map((s) => String(s.order))]));
  await expect(map.locator('[data-testid="geo-marker"][data-tone="first"]').innerText()).resolves.toBe('1');

  // each stop's marker sits on the tile pixel of its GCJ-02 point (unconverted, it would be ~500 m off)
  await page.waitForTimeout(400); // Leaflet's fit animation
  for (const s of tasks.stops) {
    const { z, screen } = await tileUnder(page, 'route-map', toGcj(s.bin));
    const box = (await markers.filter({ hasText: new RegExp(`^${s.order}$`) }).boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - screen.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.y + box.height / 2 - screen.y)).toBeLessThanOrEqual(2);
    expect(z).toBeGreaterThanOrEqual(13);
  }
  await page.screenshot({ path: '/tmp/maps-route-tiles.png' });
  // the map's words (markers, attribution) are as readable as the page's (16 px, 4.5:1)
  expect(await unreadableText(page, page.locator('.taro_page:visible').last())).toEqual([]);

  // 导航 to the next bin: 高德's navigation link with its GCJ-02 point and its name
  const first = tasks.stops[0];
  await byId(page, 'task-stop').first().locator('[data-testid="task-navigate"]').click();
  await until(async () => links.length, 1);
  const url = new URL(links[0]);
  expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
  const [lng, lat, name] = url.searchParams.get('to')!.split(',');
  const g = toGcj(first.bin);
  expect(Number(lng)).toBeCloseTo(g.lng, 5);
  expect(Number(lat)).toBeCloseTo(g.lat, 5);
  expect(name).toBe(first.bin.label);
  expect(url.searchParams.get('coordinate')).toBe('gaode');

  // leave the route as it was: this test's reports are cleaned
  const codeOf = new Map(bins.map((b) => [b.id, b.code]));
  for (const s of tasks.stops.filter((x) => mine.some((b) => b.id === x.bin.id)))
    await api('POST', `/api/bin-reports/${s.reportId}/clean`, cleanerToken, { code: codeOf.get(s.bin.id) });
  await page.close();
}, 120_000);

test('a cadre moves a bin by clicking the tile map and the stored point is the WGS-84 of the spot clicked', async () => {
  const { context } = app.browser;
  const page = await context.newPage();
  const { cadre, cadreToken, villageId, bins } = await cast();
  const bin = [...bins].reverse().find((b) => b.state === 'active')!; // bins.test.ts takes the first

  await signInAsDemo(page, app.base, cadre.id);
  await page.goto(`${app.base}/#/pkg-admin/bins-edit/index?code=${bin.code}`);
  const map = byId(page, 'bin-edit-map');
  await until(() => map.getAttribute('data-mode'), 'tiles', 20_000);
  await page.waitForTimeout(300);
  const pin = map.locator('[data-testid="geo-marker"][data-tone="pick"]');
  // the bin's pin is on its GCJ-02 spot of the tiles
  const before = await tileUnder(page, 'bin-edit-map', toGcj(bin));
  const pinBox = (await pin.boundingBox())!;
  expect(Math.abs(pinBox.x + pinBox.width / 2 - before.screen.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(pinBox.y + pinBox.height / 2 - before.screen.y)).toBeLessThanOrEqual(2);

  // click 60 px east and 40 px north of it: that spot of the GCJ-02 tiles, brought back to WGS-84
  const at = { x: before.screen.x + 60, y: before.screen.y - 40 };
  const w = project(toGcj(bin), before.z);
  const expected = fromGcj(unproject({ x: w.x + 60, y: w.y - 40 }, before.z));
  await page.mouse.click(at.x, at.y);
  const lat = byId(page, 'bin-edit-lat').locator('input');
  await until(async () => Math.abs(Number(await lat.inputValue()) - bin.lat) > 1e-5, true);
  const picked = { lat: Number(await lat.inputValue()), lng: Number(await byId(page, 'bin-edit-lng').locator('input').inputValue()) };
  expect(metres(picked, expected)).toBeLessThan(2); // a pixel at this zoom is about a metre
  expect(metres(picked, bin)).toBeGreaterThan(20);
  // the pin followed the click
  await until(async () => {
    const b = (await pin.boundingBox())!;
    return Math.abs(b.x + b.width / 2 - at.x) <= 2 && Math.abs(b.y + b.height / 2 - at.y) <= 2;
  }, true);

  await byId(page, 'bin-edit-save').click();
  await page.waitForURL(/pkg-admin\/bins\/index/, { timeout: 10_000 }).catch(() => undefined);
  await until(async () => {
    const { items } = await api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken);
    const saved = items.find((b) => b.id === bin.id)!;
    return saved.lat === picked.lat && saved.lng === picked.lng;
  }, true);
  await api('PATCH', `/api/bins/${bin.code}`, cadreToken, { lat: bin.lat, lng: bin.lng }); // as it was
  await page.close();
}, 120_000);

test('with the tile server unreachable the route falls back to the drawing', async () => {
  const { context } = app.browser;
  const page = await context.newPage();
  const { cleaner, cleanerToken, villagerToken, reportable } = await cast();
  const [bin] = await reportable(1);
  await api('POST', `/api/bins/${bin.code}/report`, villagerToken, { kind: 'full' });

  tileServer.closeAllConnections();
  await new Promise<void>((r) => tileServer.close(() => r()));
  const asked = tileRequests.length;
  await signInAsDemo(page, app.base, cleaner.id);
  await page.goto(`${app.base}/#/pkg-clean/tasks/index`);
  const map = byId(page, 'route-map');
  await until(() => map.getAttribute('data-mode'), 'drawing', 20_000);
  const tasks = await api<TTasks>('GET', '/api/cleaner/tasks', cleanerToken);
  await expect(map.getAttribute('data-stops')).resolves.toBe(String(tasks.stops.length));
  const drawing = byId(page, 'route-map-drawing');
  await drawing.waitFor();
  expect(await drawing.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expect(map.locator('.leaflet-container').count()).resolves.toBe(0);
  expect(tileRequests.length).toBe(asked);
  await page.screenshot({ path: '/tmp/maps-route-drawing.png' });

  const report = tasks.stops.find((s) => s.bin.id === bin.id)!;
  await api('POST', `/api/bin-reports/${report.reportId}/clean`, cleanerToken, { code: bin.code });
  await page.close();
}, 120_000);
