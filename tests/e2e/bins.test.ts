import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import qrcode from 'qrcode-generator';
import { binReportReporters, binReports } from '../../db/schema/bins';
import { MEDIA_MAX_BYTES } from '../../shared/domain/media';
import { byId, useE2eApp } from '../helpers/e2e-app';
import {
  agreeToTerms,
  attachPhoto,
  installFakeScanner,
  nextScan,
  signInAsDemo as signIn,
  signOut as signOutOf,
  until,
  type TDevPerson,
  type TMeLite,
} from '../helpers/e2e-page';

/**
 * 爱环境 in headless Chromium on the H5 build, against the real host and the seeded demo
 * village 石坝村 (66 bins, two 保洁员): a villager scans a bin from 首页 (an injected scanner)
 * and reports it full with a photo (a real PNG through the browser's file chooser, shrunk to
 * a JPEG by the page); the bin's cleaner finds it first on the route and confirms it by
 * scanning it, with a photo too; the villager's 积分 rise by the rule and 消息 says the bin was
 * cleaned. Then a cadre opens the printable sticker sheet at desktop size (screenshot and PDF
 * in /tmp).
 */
const app = useE2eApp();

const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

type TBin = {
  id: string;
  label: string;
  code: string;
  state: string;
  cleaners: { id: string; name: string }[];
  courtyard: { id: string; name: string } | null;
  scene: string;
  h5Url: string;
};
type TTasks = { stops: { order: number; reportId: string; bin: { id: string; label: string } }[] };

const devToken = app.devToken;
const signInAsDemo = (page: Page, personId: string) => signIn(page, app.base, personId);
const signOut = (page: Page) => signOutOf(page, app.base);
const balanceOf = async (token: string) => (await api<{ balance: number }>('GET', '/api/points/me?limit=1', token)).balance;

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(b: Buffer): { width: number; height: number } {
  for (let i = 2; i < b.length - 9;) {
    if (b[i] !== 0xff) throw new Error(`not a JPEG marker at ${i}`);
    const marker = b[i + 1];
    if (marker >= 0xc0 && marker <= 0xc3) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  throw new Error('no JPEG frame');
}

/** A stored photo as the API returns it to `token`: a JPEG, shrunk on the phone, under the cap. */
async function storedPhoto(id: string, token: string) {
  const m = await api<{ contentType: string; base64: string }>('GET', `/api/media/${id}`, token);
  const bytes = Buffer.from(m.base64, 'base64');
  return { contentType: m.contentType, bytes: bytes.length, ...jpegSize(bytes) };
}

/** The demo people of 石坝村 this test needs, the village's bins, and a bin of the first cleaner. */
async function cast() {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!;
  const cleaner = people.find((p) => p.role === 'cleaner' && p.scopeName === '石坝村')!;
  const cadreToken = await devToken(cadre.id);
  const villageId = (await api<TMeLite>('GET', '/api/me', cadreToken)).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const { items: bins } = await api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken);
  const bin = bins.find((b) => b.state === 'active' && b.cleaners.some((c) => c.id === cleaner.id))!;
  let villager: { person: TDevPerson; token: string } | null = null;
  for (const p of people.filter((x) => x.role === 'villager')) {
    const token = await devToken(p.id);
    if ((await api<TMeLite>('GET', '/api/me', token)).village?.id === villageId) {
      villager = { person: p, token };
      break;
    }
  }
  if (!cadre || !cleaner || !bin || !villager) throw new Error('the demo seed lacks a cadre, cleaner, bin or villager of 石坝村');
  return { cadre, cadreToken, cleaner, cleanerToken: await devToken(cleaner.id), villageId, bins, bin, villager };
}

test('a villager reports a full bin, its cleaner confirms it on site and the villager earns points', async () => {
  const { context } = app.browser;
  await installFakeScanner(context);
  const page = await context.newPage();
  const { cleaner, cleanerToken, bins, bin, villager } = await cast();
  expect(bins).toHaveLength(66);

  // the cleaner's route must hold only this test's report: clear what the seed left open
  const codeOf = new Map(bins.map((b) => [b.id, b.code]));
  for (const s of (await api<TTasks>('GET', '/api/cleaner/tasks', cleanerToken)).stops) {
    await api('POST', `/api/bin-reports/${s.reportId}/clean`, cleanerToken, { code: codeOf.get(s.bin.id) });
  }
  expect((await api<TTasks>('GET', '/api/cleaner/tasks', cleanerToken)).stops).toEqual([]);
  const before = await balanceOf(villager.token);

  // the sticker's plain QR, opened by a phone that is not signed in: 登录, then back to the bin
  const h5Path = bin.h5Url.slice(new URL(bin.h5Url).origin.length);
  expect(h5Path).toBe(`/#/pkg-scan/bin/index?scene=${encodeURIComponent(bin.scene)}`);
  // not signed in: a retry of this test starts from the same browser context as the first run
  await page.goto(app.base);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${app.base}${h5Path}`);
  await page.waitForURL(/pages\/login/);
  await agreeToTerms(page);
  await byId(page, `dev-person-${villager.person.id}`).click();
  await page.waitForURL(/pkg-scan\/bin\/index/);
  await until(() => byId(page, 'bin-label').innerText(), bin.label);
  await byId(page, 'bin-home').click();
  await page.waitForURL(/pages\/index\/index/);

  // the villager scans the bin's mini-program code from 首页 and reports it full
  await nextScan(page, bin.scene);
  await byId(page, 'home-bin-report').click();
  await page.waitForURL(/pkg-scan\/bin\/index/);
  await until(() => byId(page, 'bin-label').innerText(), bin.label);
  await expect(byId(page, 'bin-place').innerText()).resolves.toContain('石坝村');
  await byId(page, 'bin-kind-overflow').click();
  // a photo of the bin: 1600×1200 chosen, shrunk in the page to a 1280 px JPEG, uploaded at once
  const photoId = await attachPhoto(page, 'bin-photo', 'bin.png');
  // tapped, it shows full screen: the viewer's code loads only now (lib/preview.ts), under the page's CSP
  await byId(page, 'bin-photo-tap').click();
  await page.locator('.preview-image img').first().waitFor();
  await page.locator('.preview-image').click();
  await expect(page.locator('.preview-image').count()).resolves.toBe(0);
  const stored = await storedPhoto(photoId, villager.token);
  expect(stored).toMatchObject({ contentType: 'image/jpeg', width: 1280, height: 960 });
  expect(stored.bytes).toBeLessThanOrEqual(MEDIA_MAX_BYTES);

  // a weak network: the report reaches the server but the answer is lost on the way back
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/bins/${bin.code}/report`)) keys.push(r.headers()['idempotency-key']);
  });
  await page.route(
    `**/api/bins/${bin.code}/report`,
    async (route) => {
      const req = route.request();
      const h = await req.allHeaders();
      await fetch(req.url(), {
        method: 'POST',
        headers: { authorization: h.authorization, 'content-type': 'application/json', 'idempotency-key': h['idempotency-key'] },
        body: req.postData(),
      });
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await byId(page, 'bin-report').click();
  const result = byId(page, 'bin-report-result');
  await until(() => result.getAttribute('data-outcome'), 'queued');
  await expect(result.innerText()).resolves.toContain('已保存，联网后自动上报');
  const kept = JSON.parse((await page.evaluate(() => localStorage.getItem('xyj.outbox')))!) as { data: { key: string; body: unknown }[] };
  expect(kept.data).toEqual([expect.objectContaining({ key: keys[0], body: { kind: 'overflow', photoId } })]);

  // sent again with the same key: the server answers as the first time (201, a new report), once
  await byId(page, 'bin-report-retry').click();
  await until(() => result.getAttribute('data-outcome'), 'new');
  await expect(result.innerText()).resolves.toContain('已通知保洁员');
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  await expect(page.evaluate(() => localStorage.getItem('xyj.outbox'))).resolves.toBeNull();
  const seen = await api<{ openReport: { reporters: number } | null; reportedByMe: boolean }>('GET', `/api/bins/${bin.code}`, villager.token);
  expect(seen).toMatchObject({ openReport: { reporters: 1 }, reportedByMe: true });
  // the report carries the photo (no endpoint lists a report's photos yet: read the row)
  const reportId = (await app.handle.db.select().from(binReports).where(eq(binReports.binId, bin.id))).find((r) => r.state === 'open')!.id;
  const reporters = await app.handle.db.select().from(binReportReporters).where(eq(binReportReporters.reportId, reportId));
  expect(reporters).toEqual([expect.objectContaining({ personId: villager.person.id, kind: 'overflow', photoId })]);
  await until(() => byId(page, 'bin-open').getAttribute('data-mine'), 'true');

  // the same sticker opened again: 您已报告 with the time and when a new report is possible — the
  // server's window (a tap now would be 429) — and no 报告已满 button
  const mine = await api<{ myLastReportAt: string; myNextReportAt: string }>('GET', `/api/bins/${bin.code}`, villager.token);
  expect(new Date(mine.myNextReportAt).getTime() - new Date(mine.myLastReportAt).getTime()).toBe(30 * 60e3);
  await page.reload();
  const wait = byId(page, 'bin-report-wait');
  await wait.waitFor();
  await expect(wait.getAttribute('data-next')).resolves.toBe(mine.myNextReportAt);
  await expect(wait.innerText()).resolves.toContain('您已报告');
  await expect(byId(page, 'bin-next-report').innerText()).resolves.toMatch(/\d\d:\d\d 以后可以再次报告/);
  await expect(page.locator('[data-testid="bin-report"]:visible').count()).resolves.toBe(0);
  await signOut(page);

  // the cleaner: 首页 counts one task; the route starts with this bin
  await signInAsDemo(page, cleaner.id);
  await until(() => byId(page, 'home-cleaner-tasks-text').innerText(), '有 1 个垃圾桶等待清运');
  await byId(page, 'home-cleaner-tasks').click();
  await page.waitForURL(/pkg-clean\/tasks\/index/);
  const first = byId(page, 'task-stop').first();
  await until(() => first.getAttribute('data-label'), bin.label);
  await expect(first.getAttribute('data-order')).resolves.toBe('1');
  await expect(first.innerText()).resolves.toContain('溢出');
  await expect(byId(page, 'route-map').getAttribute('data-stops')).resolves.toBe('1');

  // scanning another bin's sticker is refused; this bin's own code confirms the cleaning
  const other = bins.find((b) => b.id !== bin.id && b.state === 'active')!;
  await nextScan(page, other.h5Url);
  await first.locator('[data-testid="task-clean"]').click();
  const wrong = byId(page, 'task-error');
  await wrong.waitFor();
  await expect(wrong.getAttribute('data-code')).resolves.toBe('WRONG_BIN');
  // the cleaner sees the villager's photo (staff over the reporter), and adds one of the emptied bin
  await expect(storedPhoto(photoId, cleanerToken)).resolves.toMatchObject({ contentType: 'image/jpeg', width: 1280 });
  const cleanPhotoId = await attachPhoto(page, 'task-photo', 'cleaned.png');
  await nextScan(page, bin.h5Url);
  await first.locator('[data-testid="task-clean"]').click();
  await byId(page, 'tasks-empty').waitFor();
  const [closed] = await app.handle.db.select().from(binReports).where(eq(binReports.id, reportId));
  expect(closed).toMatchObject({ state: 'cleaned', closePhotoId: cleanPhotoId });
  await signOut(page);

  // the villager: 5 more points (bin_report_first in the demo rules), and the message
  const after = await balanceOf(villager.token);
  expect(after).toBe(before + 5);
  await signInAsDemo(page, villager.person.id);
  await page.locator('.weui-tabbar__item', { hasText: '积分' }).click();
  await until(() => byId(page, 'points-balance').getAttribute('data-balance'), String(after));
  await page.locator('.weui-tabbar__item', { hasText: '首页' }).click();
  await byId(page, 'home-inbox').click();
  await page.waitForURL(/pkg-inbox\/inbox\/index/);
  // this bin's message: on the server database other files' villagers may be this one too
  const message = byId(page, 'inbox-item')
    .filter({ hasText: '您报告的垃圾桶已清运' })
    .filter({ hasText: `${bin.label}已清运` })
    .first(); // newest first (a retry adds one)
  await message.waitFor();
  await expect(message.innerText()).resolves.toContain(`${bin.label}已清运，获得5积分`);
  await signOut(page);
  await page.close();
}, 180_000);

test('a cadre prints the A4 sheet of bin stickers with both QR forms', async () => {
  const { context } = app.browser;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  const { cadre, bins } = await cast();
  const active = bins.filter((b) => b.state === 'active');

  // WeChat's answer through our API is checked as is; the fake's bytes are only a marker
  // (JPEG header + scene), so for the picture the test draws a real code of the same scene
  const served: { contentType: string; scene: string }[] = [];
  await page.route('**/api/bins/*/wxacode', async (route) => {
    const req = route.request();
    const res = await fetch(req.url(), { headers: { authorization: (await req.allHeaders()).authorization ?? '' } });
    const body = (await res.json()) as { contentType: string; base64: string };
    if (!res.ok) return route.fulfill({ status: res.status, json: body });
    const scene = Buffer.from(body.base64, 'base64').subarray(4, -2).toString();
    served.push({ contentType: body.contentType, scene });
    const qr = qrcode(0, 'M');
    qr.addData(scene);
    qr.make();
    await route.fulfill({ json: { contentType: 'image/gif', base64: qr.createDataURL(4, 0).split(',')[1] } }).catch(() => undefined);
  });

  await signInAsDemo(page, cadre.id);
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await byId(page, 'me-admin-bins').click();
  await page.waitForURL(/pkg-admin\/bins\/index/);
  await until(() => byId(page, 'bin-item').count(), bins.length);
  await byId(page, 'bins-stickers').click();
  await page.waitForURL(/pkg-admin\/bins-stickers\/index/);

  const status = byId(page, 'stickers-status');
  await until(() => byId(page, 'sticker').count(), active.length);
  await until(() => page.locator('[data-testid="sticker"][data-wxa="ok"]').count(), active.length, 60_000);
  await expect(status.getAttribute('data-loading')).resolves.toBe('0');
  await expect(status.getAttribute('data-failed')).resolves.toBe('0');
  await expect(byId(page, 'sticker').count()).resolves.toBe(active.length);
  await expect(byId(page, 'sticker-page').count()).resolves.toBe(Math.ceil(active.length / 12));
  expect(new Set(served.map((s) => s.scene))).toEqual(new Set(active.map((b) => b.scene)));
  expect(new Set(served.map((s) => s.contentType))).toEqual(new Set(['image/jpeg']));
  expect(new Set(app.wx.wxacodes.map((w) => w.page))).toEqual(new Set(['pkg-scan/bin/index']));

  // each sticker: its number and courtyard, the mini-program code and the plain QR of its H5 link
  const sticker = byId(page, 'sticker').first();
  const firstCode = await sticker.getAttribute('data-code');
  const firstBin = active.find((b) => b.code === firstCode)!;
  await expect(sticker.innerText()).resolves.toContain(firstBin.label);
  if (firstBin.courtyard) await expect(sticker.innerText()).resolves.toContain(firstBin.courtyard.name);
  await expect(sticker.locator('[data-testid="sticker-qr"]').getAttribute('data-text')).resolves.toBe(firstBin.h5Url);
  await until(() => sticker.getAttribute('data-wxa'), 'ok');
  // both images really decoded (a broken image has no natural width)
  const imgs = await sticker
    .locator('img')
    .evaluateAll((list) => list.map((i) => ({ natural: (i as HTMLImageElement).naturalWidth, shown: i.getBoundingClientRect().width })));
  expect(imgs).toHaveLength(2);
  for (const img of imgs) {
    expect(img.natural).toBeGreaterThan(0);
    expect(img.shown).toBeGreaterThan(95); // 27 mm ≈ 102 CSS px
  }
  // on screen a sticker is 64 mm wide (≈ 242 CSS px at 96 dpi)
  const box = (await sticker.boundingBox())!;
  expect(Math.round(box.width)).toBeGreaterThanOrEqual(240);
  expect(Math.round(box.width)).toBeLessThanOrEqual(244);

  await page.screenshot({ path: '/tmp/stickers.png', fullPage: false });
  // printed: A4 pages holding only the sheet, 12 stickers a page
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: '/tmp/stickers.pdf', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(Math.ceil(active.length / 12));
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close();
}, 180_000);

test('a cadre imports bins from CSV: line-numbered problems first, then all of them at once', async () => {
  const { context } = app.browser;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  const { cadre, cadreToken, villageId, cleaner, bins } = await cast();

  await signInAsDemo(page, cadre.id);
  await page.goto(`${app.base}/#/pkg-admin/bins/index`);
  await until(() => byId(page, 'bin-item').count(), bins.length);
  await byId(page, 'bins-import').click();
  await page.waitForURL(/pkg-admin\/bins-import\/index/);

  // line 3 has no longitude, line 4 names nobody; nothing is imported
  const text = byId(page, 'bins-import-text').locator('textarea');
  await text.fill(['编号,纬度,经度,保洁员', `91号桶,29.5601,106.4611,${cleaner.name}`, '92号桶,29.5602,', '93号桶,29.5603,106.4613,没有这个人'].join('\n'));
  await byId(page, 'bins-import-submit').click();
  const error = byId(page, 'bins-import-error');
  await error.waitFor();
  await expect(error.getAttribute('data-code')).resolves.toBe('VALIDATION_FAILED');
  await expect(error.innerText()).resolves.toContain('第3行：经度无效');
  await expect(error.innerText()).resolves.toContain('第4行：本村没有保洁员「没有这个人」');
  expect((await api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken)).items).toHaveLength(bins.length);

  await text.fill(['编号,纬度,经度,保洁员', `91号桶,29.5601,106.4611,${cleaner.name}`, '92号桶,29.5602,106.4612,'].join('\n'));
  await byId(page, 'bins-import-submit').click();
  await until(() => byId(page, 'bins-import-done').getAttribute('data-created'), '2');
  const after = (await api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken)).items;
  expect(after).toHaveLength(bins.length + 2);
  expect(after.find((b) => b.label === '91号桶')?.cleaners.map((c) => c.id)).toEqual([cleaner.id]);

  // back on the list the new bins are there
  await page.goBack();
  await until(() => byId(page, 'bin-item').count(), bins.length + 2);
  await page.close();
}, 120_000);
