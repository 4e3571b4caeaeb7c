import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { shopVillageCast, signInAsDemo as signIn, type TDevPerson } from '../helpers/e2e-page';
import { measureText, unreadableText } from '../helpers/readability';

/**
 * Issue 14 (bug 3): on a 375 × 812 phone every text is at least 16 px and has 4.5:1 contrast
 * with what is behind it. First the three places the walk measured (the 找院长 text box at
 * 13 px, the tab labels at 10 px, the 待受理 / 待领取 / 已领取 tags near 2.3:1), then every page
 * each role opens. Measured in the H5 build with computed styles (tests/helpers/readability.ts).
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

type TRewardLite = { id: string; name: string; price: number; stock: number };

/** The demo village's people, a villager of the 店员's village with points, one 待领取 and one 已领取 redemption, one 待受理 request. */
async function world() {
  const { villageId, shopkeeper, shopToken, cadre, cleaners, township, villager, head } = await shopVillageCast(app);
  const cleaner = cleaners.at(-1)!; // the first cleaner's count is bins.test's; the last bin is staff-reach's
  const token = await app.devToken(villager.id);
  await api('POST', `/api/people/${villager.id}/points`, await app.devToken(cadre.id), { amount: 100, reason: '浏览器测试：志愿服务' });
  const towel = (await api<{ items: TRewardLite[] }>('GET', `/api/villages/${villageId}/rewards`, token)).items.find((r) => r.name === '毛巾')!;
  const first = await api<{ pickupCode: string }>('POST', `/api/rewards/${towel.id}/redeem`, token, {});
  await api('POST', `/api/villages/${villageId}/handover`, shopToken, { pickupCode: first.pickupCode });
  await api('POST', `/api/rewards/${towel.id}/redeem`, token, {});
  const request = await api<{ id: string }>('POST', '/api/requests', token, { category: 'sanitation', text: '垃圾池好几天没人清了' });
  // a bin of the cleaner's reported full: the 工作台 of the cleaner and the cadre list it
  const bins = await api<{ items: { code: string; state: string; cleaners: { id: string }[] }[] }>(
    'GET',
    `/api/villages/${villageId}/bins`,
    await app.devToken(cadre.id),
  );
  const bin = bins.items.filter((b) => b.state === 'active' && b.cleaners.some((c) => c.id === cleaner.id)).at(-4)!;
  const seen = await api<{ openReport: unknown; myNextReportAt: string | null }>('GET', `/api/bins/${bin.code}`, token);
  if (!seen.openReport && !seen.myNextReportAt) await api('POST', `/api/bins/${bin.code}/report`, token, { kind: 'full' });
  return { villager, head, cadre, cleaner, shopkeeper, township, requestId: request.id };
}

let w: Awaited<ReturnType<typeof world>>;
let page: Page;
beforeAll(async () => {
  w = await world();
  page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
}, 60_000);

async function signInAs(person: TDevPerson) {
  await page.goto(`${app.base}/#/pages/login/index`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await signIn(page, app.base, person.id);
}

/** Opens a page and waits until its requests have settled. */
async function open(path: string) {
  await page.goto(`${app.base}/#/${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

test('the 找院长 text box, the tab labels and the 待受理 / 待领取 / 已领取 tags are 16 px or more at 4.5:1', async () => {
  await signInAs(w.villager);

  // tab labels (the tab bar comes with the home, which may still be loading)
  await page.locator('.weui-tabbar:visible', { hasText: '我的' }).waitFor();
  const tabs = await measureText(page, page.locator('.weui-tabbar:visible'));
  expect(tabs.map((t) => t.text).sort()).toEqual(['我的', '积分', '首页']);
  expect(await unreadableText(page, page.locator('.weui-tabbar:visible'))).toEqual([]);

  // the 找院长 text box: what is typed, not only the placeholder
  await open('pkg-request/new/index');
  await byId(page, 'request-text').locator('textarea').fill('院坝门口的台阶塌了');
  const box = await measureText(page, byId(page, 'request-text'));
  expect(box.length).toBeGreaterThan(0);
  expect(await unreadableText(page, byId(page, 'request-text'))).toEqual([]);

  // the state tags
  await open('pkg-request/mine/index');
  await page.locator('.nut-tag:visible', { hasText: '待受理' }).first().waitFor();
  await open('pkg-points/redemptions/index');
  await page.locator('.nut-tag:visible', { hasText: '已领取' }).first().waitFor();
  const tags = page.locator('.nut-tag:visible');
  const words = (await tags.allInnerTexts()).map((t) => t.trim());
  expect(words).toEqual(expect.arrayContaining(['待领取', '已领取']));
  for (let i = 0; i < (await tags.count()); i++) expect(await unreadableText(page, tags.nth(i))).toEqual([]);
  await open('pkg-request/mine/index');
  const waiting = page.locator('.nut-tag:visible', { hasText: '待受理' }).first();
  expect(await unreadableText(page, waiting)).toEqual([]);
}, 60_000);

/** Every page of each role at phone size (the 挂榜 big screen and the printed stickers have their own sizes). */
const PAGES: Record<'villager' | 'head' | 'cadre' | 'cleaner' | 'shopkeeper' | 'township', string[]> = {
  villager: [
    'pages/index/index',
    'pages/points/index',
    'pages/me/index',
    'pkg-request/new/index',
    'pkg-request/mine/index',
    'pkg-request/detail/index?id=REQUEST',
    'pkg-request/sos/index',
    'pkg-points/shop/index',
    'pkg-points/redemptions/index',
    'pkg-points/household/index',
    'pkg-points/leaderboard/index',
    'pkg-inbox/inbox/index',
    'pkg-market/home/index',
    'pkg-market/mine/index',
    'pkg-market/listing-edit/index',
    'pkg-courtyard/join/index',
    'pkg-scan/bin/index',
    'pkg-privacy/terms/index',
    'pkg-privacy/policy/index',
    'pkg-privacy/consent/index',
    'pkg-privacy/my-data/index',
  ],
  head: [
    'pages/index/index',
    'pkg-request/queue/index',
    'pkg-request/detail/index?id=REQUEST',
    'pkg-courtyard/requests/index',
    'pkg-market/review/index',
    'pkg-admin/points-adjust/index',
  ],
  cadre: [
    'pages/index/index',
    'pages/me/index',
    'pkg-request/stats/index',
    'pkg-request/settings/index',
    'pkg-admin/notifications/index',
    'pkg-admin/points-rules/index',
    'pkg-admin/rewards/index',
    'pkg-admin/bins/index',
    'pkg-admin/bins-edit/index',
    'pkg-admin/bins-import/index',
    'pkg-admin/bins-stats/index',
    'pkg-admin/deletions/index',
  ],
  cleaner: ['pages/index/index', 'pkg-clean/tasks/index'],
  // 首页 is each role's 工作台 (issue 14): the previews under its cards are read too
  shopkeeper: ['pages/index/index', 'pkg-admin/handover/index'],
  township: ['pages/index/index'],
};

test('every page each role opens on a phone has text of 16 px or more at 4.5:1', async () => {
  const found: string[] = [];
  for (const [role, paths] of Object.entries(PAGES)) {
    await signInAs(w[role as keyof typeof PAGES]);
    for (const path of paths) {
      await open(path.replace('REQUEST', w.requestId));
      for (const f of await unreadableText(page, page.locator('.taro_page:visible').last())) found.push(`${role} ${path}: ${f}`);
      for (const f of await unreadableText(page, page.locator('.weui-tabbar:visible'))) found.push(`${role} ${path} tab bar: ${f}`);
    }
  }
  expect(found).toEqual([]);
}, 240_000);
