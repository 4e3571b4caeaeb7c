import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { useE2eApp } from '../helpers/e2e-app';
import { testPng, until, type TDevPerson, type TMeLite } from '../helpers/e2e-page';

/**
 * The back office's 垃圾桶地图, 积分规则, 操作日志 and 商品 (issue 15) at 1440×900. A tiny tile
 * server on loopback stands in for 高德 (the host's MAP_TILES, as in maps.test.ts): the admin
 * page's Content-Security-Policy must open to it (violations fail the test). The bins map shows
 * one marker per bin coloured by state, and a bin reported full through the API turns red; a
 * cadre's rule change in 积分规则 shows in 操作日志 with before → after; 上架商品 creates a
 * reward the API lists. With the tiles failing, the page shows the table with a notice.
 */
let tileRequests = 0;
let tilesDown = false;
let tileServer: http.Server;
let tileBase = '';
const PNG = testPng(256, 256);

beforeAll(async () => {
  tileServer = http.createServer((req, res) => {
    if (tilesDown || !/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return void res.writeHead(404).end();
    tileRequests++;
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length, 'cache-control': 'no-store' }).end(PNG);
  });
  await new Promise<void>((r) => tileServer.listen(0, '127.0.0.1', r));
  tileBase = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  tileServer.closeAllConnections();
  await new Promise<void>((r) => tileServer.close(() => r()));
});

const app = useE2eApp(() => ({ MAP_TILES: `${tileBase}/tiles/{z}/{x}/{y}.png`, MAP_TILES_DATUM: 'gcj02', MAP_TILES_ATTRIBUTION: '测试底图' }));

type TBin = { id: string; label: string; code: string; state: 'active' | 'disabled' };
type TOpen = { items: { bin: { id: string }; overdue: boolean }[] };

async function cast() {
  const { people } = await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!;
  const cadreToken = await app.devToken(cadre.id);
  const villageId = (await app.api<TMeLite>('GET', '/api/me', cadreToken)).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  return { people, cadre, cadreToken, villageId };
}

async function signedInAdmin(token: string, route: string): Promise<Page> {
  const page = await app.openAdmin();
  await page.evaluate((t) => localStorage.setItem('xyj-admin-token', t), token);
  // a hash-only goto does not reload the page, and the page reads its token when it loads
  await page.goto(`${app.base}/admin/#/${route}`);
  await page.reload();
  await page.getByTestId('admin-scope').waitFor();
  return page;
}

/** Each bin's expected marker state from the API. */
async function expectedStates(token: string, villageId: string): Promise<Map<string, string>> {
  const { items: bins } = await app.api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, token);
  const open = new Map((await app.api<TOpen>('GET', `/api/villages/${villageId}/open-bins?limit=100`, token)).items.map((o) => [o.bin.id, o.overdue]));
  return new Map(bins.map((b) => [b.id, b.state === 'disabled' ? 'disabled' : open.has(b.id) ? (open.get(b.id) ? 'overdue' : 'open') : 'ok']));
}

const markerStates = (page: Page) =>
  page.$$eval('[data-testid="bins-map"] [data-testid="bin-marker"]', (els) =>
    els.map((e) => [e.getAttribute('data-bin'), e.getAttribute('data-state')] as [string, string]),
  );

test('垃圾桶地图: one marker per bin coloured by state on the host’s tiles; a bin reported full turns red', async () => {
  const { people, cadreToken, villageId } = await cast();
  // the admin page opens its img-src to the tiles' origin, and to nothing else
  const res = await fetch(`${app.base}/admin/`);
  const csp = res.headers.get('content-security-policy')!;
  expect(/img-src ([^;]*)/.exec(csp)![1]).toBe(`'self' data: blob: ${tileBase}`);
  expect(await res.text()).toContain(`/tiles/{z}/{x}/{y}.png`);

  const page = await signedInAdmin(cadreToken, 'bins');
  const map = page.getByTestId('bins-map');
  await map.waitFor();
  const before = await expectedStates(cadreToken, villageId);
  await until(async () => (await markerStates(page)).length, before.size, 20_000);
  expect(new Map(await markerStates(page))).toEqual(before);
  expect(tileRequests).toBeGreaterThan(0);
  await expect(map.innerText()).resolves.toContain('测试底图');
  await expect(page.getByTestId('bins-legend').innerText()).resolves.toContain('待清运');

  // a villager of the village reports a quiet bin full: after 刷新 its marker is red
  const { items: bins } = await app.api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken);
  const quiet = [...bins].reverse().find((b) => before.get(b.id) === 'ok')!;
  let villagerToken = '';
  for (const p of people.filter((x) => x.role === 'villager')) {
    const token = await app.devToken(p.id);
    if ((await app.api<TMeLite>('GET', '/api/me', token)).village?.id === villageId) {
      villagerToken = token;
      break;
    }
  }
  await app.api('POST', `/api/bins/${quiet.code}/report`, villagerToken, { kind: 'full' });
  await page.getByRole('button', { name: '刷新' }).click();
  const marker = map.locator(`[data-testid="bin-marker"][data-bin="${quiet.id}"]`);
  await until(() => marker.getAttribute('data-state'), 'open');
  await expect(marker.evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.toBe('rgb(229, 57, 53)');
  expect(new Map(await markerStates(page))).toEqual(await expectedStates(cadreToken, villageId));

  // the table's 待清运 filter lists it
  await page.getByTestId('bins-filter').getByText('待清运', { exact: true }).click();
  await expect(page.getByTestId('bins-table').locator('tbody').innerText()).resolves.toContain(quiet.label);
  await page.screenshot({ path: '/tmp/admin-bins-map.png' });
  await page.close();
}, 120_000);

test('垃圾桶地图 without tiles: the table alone, with a notice', async () => {
  const { cadreToken, villageId } = await cast();
  tilesDown = true;
  try {
    const page = await signedInAdmin(cadreToken, 'bins');
    await page.getByTestId('bins-map-unavailable').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('bins-map-unavailable').innerText()).resolves.toContain('仅显示列表');
    await expect(page.getByTestId('bins-map').count()).resolves.toBe(0);
    const { items } = await app.api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken);
    await expect(page.getByTestId('bins-table').locator('tbody').innerText()).resolves.toContain(items[0].label);
    await page.close();
  } finally {
    tilesDown = false;
  }
}, 60_000);

test('积分规则 → 操作日志: a cadre’s rule change shows with before → after', async () => {
  const { cadreToken, villageId } = await cast();
  const rules = await app.api<{ rules: { eventKind: string; points: number }[] }>('GET', `/api/villages/${villageId}/points-rules`, cadreToken);
  const old = rules.rules.find((r) => r.eventKind === 'tidy_yard')!.points;
  const next = old + 3;
  const page = await signedInAdmin(cadreToken, 'points-rules');
  await page.getByTestId('rule-edit-tidy_yard').click();
  const form = page.getByTestId('rule-form');
  await form.getByLabel('分值').fill(String(next));
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('规则已修改').waitFor();
  await expect(page.getByTestId('rules-changes').innerText()).resolves.toContain(`${old} → ${next}`);

  await page.goto(`${app.base}/admin/#/audit`);
  const row = page.getByTestId('audit-table').locator('tbody tr', { hasText: '修改积分规则「庭院整洁」' }).first();
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain('修改积分规则');
  await row.locator('.ant-table-row-expand-icon').click();
  const change = page.getByTestId('audit-change').first();
  await change.waitFor();
  const cells = await change.locator('tbody tr').first().locator('td').allInnerTexts();
  expect(cells.map((c) => c.trim())).toEqual(['分值', String(old), '→', String(next)]);

  // the 操作 filter narrows the list: 上架商品 holds no rule change
  await page.getByRole('combobox', { name: '操作', exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '上架商品' }).click();
  await until(
    () =>
      page
        .getByTestId('audit-table')
        .locator('tbody')
        .first()
        .innerText()
        .then((t) => t.includes('庭院整洁')),
    false,
  );
  await page.close();
}, 90_000);

test('镇街管理员: 操作日志 of the whole township with the village, and the bins map of a village they pick', async () => {
  const { people } = await cast();
  const staff = people.find((p) => p.role === 'township_staff')!;
  const token = await app.devToken(staff.id);
  const page = await signedInAdmin(token, 'audit');
  // the previous test's rule change, in 石坝村
  const row = page.getByTestId('audit-table').locator('tbody tr', { hasText: '修改积分规则「庭院整洁」' }).first();
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain('石坝村');

  await page.goto(`${app.base}/admin/#/bins`);
  const picker = page.getByTestId('admin-village-picker');
  await picker.click();
  await page.locator('.ant-select-item-option', { hasText: '石坝村' }).click();
  const meTown = (await app.api<TMeLite>('GET', '/api/me', token)).roles.find((r) => r.role === 'township_staff')!.scopeId;
  const { items: villages } = await app.api<{ items: { id: string; name: string }[] }>('GET', `/api/townships/${meTown}/villages`, token);
  const villageId = villages.find((v) => v.name === '石坝村')!.id;
  const expected = await expectedStates(token, villageId);
  await until(async () => (await markerStates(page)).length, expected.size, 20_000);
  expect(new Map(await markerStates(page))).toEqual(expected);
  await page.close();
}, 90_000);

test('商品: 上架商品 creates a reward the API lists', async () => {
  const { cadreToken, villageId } = await cast();
  const name = `测试搪瓷杯${Date.now() % 10000}`; // not 毛巾: points.test.ts looks for the demo's 毛巾 in the same shop
  const page = await signedInAdmin(cadreToken, 'rewards');
  await page.getByTestId('reward-new').click();
  const form = page.getByTestId('reward-form');
  await form.getByLabel('商品名称').fill(name);
  await form.getByLabel('所需积分').fill('35');
  await form.getByLabel('库存').fill('12');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('rewards-table').getByText(name).waitFor();
  const { items } = await app.api<{ items: { name: string; price: number; stock: number; active: boolean }[] }>(
    'GET',
    `/api/villages/${villageId}/rewards`,
    cadreToken,
  );
  expect(items.find((r) => r.name === name)).toMatchObject({ price: 35, stock: 12, active: true });
  await page.close();
}, 60_000);
