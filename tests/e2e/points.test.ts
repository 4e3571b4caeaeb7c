import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import {
  agreeToTerms,
  installFakeScanner,
  nextScan,
  signInAsDemo as signIn,
  signOut as signOutOf,
  until,
  type TDevPerson,
  type TMeLite,
} from '../helpers/e2e-page';

/**
 * 积分 in headless Chromium on the H5 build, against the real host and the seeded demo
 * village: a villager redeems a 毛巾 in 积分超市 and sees the pickup code and the lower balance;
 * the shop's 店员 scans the code (an injected scanner) and hands it over. What the pages show
 * is checked against the API. Then the 挂榜 screen at big-screen width.
 */
const app = useE2eApp();

const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

type TRewardLite = { id: string; name: string; price: number; stock: number };

const devToken = app.devToken;
const signInAsDemo = (page: Page, personId: string) => signIn(page, app.base, personId);
const signOut = (page: Page) => signOutOf(page, app.base);
const balanceOf = async (token: string) => (await api<{ balance: number }>('GET', '/api/points/me?limit=1', token)).balance;
const towelOf = async (villageId: string, token: string) =>
  (await api<{ items: TRewardLite[] }>('GET', `/api/villages/${villageId}/rewards`, token)).items.find((r) => r.name === '毛巾')!;

/** The demo shop's 店员 and a villager of the same village with at least `need` points. */
async function shopkeeperAndVillager(need: number) {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const shopkeeper = people.find((p) => p.role === 'shopkeeper')!;
  const shopToken = await devToken(shopkeeper.id);
  const villageId = (await api<TMeLite>('GET', '/api/me', shopToken)).roles.find((r) => r.role === 'shopkeeper')!.scopeId;

  const candidates: { person: TDevPerson; token: string; balance: number }[] = [];
  for (const p of people.filter((x) => x.role === 'villager')) {
    const token = await devToken(p.id);
    const me = await api<TMeLite>('GET', '/api/me', token);
    if (me.village?.id === villageId) candidates.push({ person: p, token, balance: await balanceOf(token) });
  }
  if (!candidates.length) throw new Error('no demo villager in the shopkeeper’s village');
  const villager = candidates.sort((a, b) => b.balance - a.balance)[0];
  if (villager.balance < need) {
    // a cadre of the village tops the villager up, as 人工加分 with a reason
    const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === shopkeeper.scopeName)!;
    await api('POST', `/api/people/${villager.person.id}/points`, await devToken(cadre.id), { amount: need, reason: '浏览器测试：志愿服务' });
    villager.balance = await balanceOf(villager.token);
  }
  return { shopkeeper, shopToken, villageId, villager };
}

test('a villager redeems a 毛巾 and the 店员 hands it over against the scanned pickup code', async () => {
  const { context } = app.browser;
  await installFakeScanner(context); // the shopkeeper's phone scans what the test sets
  const page = await context.newPage();
  const { shopkeeper, shopToken, villageId, villager } = await shopkeeperAndVillager(60);
  const before = { balance: villager.balance, towel: await towelOf(villageId, villager.token) };
  expect(before.towel.price).toBe(20);

  // 积分 tab: the balance as the API has it
  await signInAsDemo(page, villager.person.id);
  await page.locator('.weui-tabbar__item', { hasText: '积分' }).click();
  await until(() => byId(page, 'points-balance').innerText(), String(before.balance));

  // 积分超市 → 毛巾 → 兑换 → confirm
  await byId(page, 'points-shop').click();
  await page.waitForURL(/pkg-points\/shop\/index/);
  // by its exact name: on the shared server database other files add rewards (测试…) to this village's shop
  const towel = page.locator('[data-testid="reward-item"][data-name="毛巾"]:visible');
  await until(() => towel.getAttribute('data-stock'), String(before.towel.stock));
  await towel.locator('[data-testid="reward-redeem"]').click();
  await page.locator('.taro-model__confirm:visible').click();

  // the pickup code, large and as a QR code
  const result = byId(page, 'redeem-result');
  await result.waitFor();
  const code = (await byId(page, 'redeem-pickup-code').getAttribute('data-code'))!;
  expect(code).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);
  expect((await byId(page, 'redeem-pickup-code').innerText()).replace(/\s/g, '')).toBe(code);
  await expect(byId(page, 'redeem-pickup-qr').getAttribute('data-text')).resolves.toBe(code);
  const qrBox = (await byId(page, 'redeem-pickup-qr').boundingBox())!;
  expect(qrBox.width).toBeGreaterThan(150);
  const mine = await api<{ items: { pickupCode: string; state: string; id: string }[] }>('GET', '/api/redemptions/mine', villager.token);
  const redemption = mine.items.find((r) => r.pickupCode === code)!;
  expect(redemption.state).toBe('reserved');

  // balance and stock on the page are the server's, 20 points and one towel less
  const afterRedeem = { balance: await balanceOf(villager.token), towel: await towelOf(villageId, villager.token) };
  expect(afterRedeem.balance).toBe(before.balance - 20);
  expect(afterRedeem.towel.stock).toBe(before.towel.stock - 1);
  await until(() => byId(page, 'shop-balance').getAttribute('data-balance'), String(afterRedeem.balance));
  await byId(page, 'redeem-close').click();
  await until(() => towel.getAttribute('data-stock'), String(afterRedeem.towel.stock));

  // back on the 积分 tab the lower balance shows, and the 兑换 waits for pickup
  await page.goBack();
  await page.waitForURL(/pages\/points\/index/);
  await until(() => byId(page, 'points-balance').innerText(), String(afterRedeem.balance));
  await until(async () => (await byId(page, 'points-waiting').innerText()).includes('待领取'), true);
  const spent = byId(page, 'ledger-item').first();
  await expect(spent.getAttribute('data-amount')).resolves.toBe('-20');
  await signOut(page);

  // the 店员 signs in, opens 凭码发放 from 我的 and scans the villager's code
  await signInAsDemo(page, shopkeeper.id);
  await page.goto(`${app.base}/#/pages/me/index`);
  await byId(page, 'me-handover').click();
  await page.waitForURL(/pkg-admin\/handover\/index/);
  await byId(page, 'handover-waiting-item')
    .and(page.locator(`[data-id="${redemption.id}"]`))
    .waitFor();
  await nextScan(page, code);
  await byId(page, 'handover-scan').click();

  const handed = byId(page, 'handover-result');
  await handed.waitFor();
  await expect(byId(page, 'handover-reward').innerText()).resolves.toBe('毛巾');
  await expect(byId(page, 'handover-person').innerText()).resolves.toContain(villager.person.name);
  await until(() => page.locator(`[data-testid="handover-waiting-item"][data-id="${redemption.id}"]`).count(), 0);

  // the same code typed again is refused with the Chinese message for REDEMPTION_NOT_OPEN
  await byId(page, 'handover-code').locator('input').fill(code.toLowerCase());
  await byId(page, 'handover-submit').click();
  const refused = byId(page, 'handover-error');
  await refused.waitFor();
  await expect(refused.getAttribute('data-code')).resolves.toBe('REDEMPTION_NOT_OPEN');
  await expect(refused.innerText()).resolves.toContain('该兑换已领取、已取消或已过期');

  // the server agrees: handed over, no refund, stock stays one less
  const after = await api<{ items: { id: string; state: string }[] }>('GET', '/api/redemptions/mine', villager.token);
  expect(after.items.find((r) => r.id === redemption.id)!.state).toBe('handed_over');
  expect(await balanceOf(villager.token)).toBe(before.balance - 20);
  expect((await towelOf(villageId, shopToken)).stock).toBe(before.towel.stock - 1);

  // the villager's 消息 no longer says 「可以领取了」 about the towel: it says 已领取
  await signOut(page);
  await signInAsDemo(page, villager.person.id);
  await page.goto(`${app.base}/#/pkg-inbox/inbox/index`);
  const ready = page.locator('[data-testid="inbox-item"][data-template="redemption_ready"]').first();
  await until(async () => (await ready.innerText()).includes('兑换商品已领取'), true);
  await expect(ready.innerText()).resolves.toContain('毛巾已领取');
  await expect(ready.innerText()).resolves.not.toContain('可以领取了');
  await page.close();
}, 180_000);

test('the demo villager the sign-in lists first finds pictures in 积分超市 and can afford at least two rewards', async () => {
  const page = await app.browser.context.newPage();
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const first = people.find((p) => p.role === 'villager')!;
  await signInAsDemo(page, first.id);
  await page.locator('.weui-tabbar__item', { hasText: '积分' }).click();
  await byId(page, 'points-shop').click();
  await page.waitForURL(/pkg-points\/shop\/index/);
  // the demo's rewards (on the shared server database other files add 测试… ones without pictures)
  const items = page.locator('[data-testid="reward-item"]:visible:not([data-name^="测试"])');
  await until(async () => (await items.count()) >= 4, true);
  const n = await items.count();
  // every reward shows its picture, drawn and loaded
  await until(
    () => items.locator('[data-testid="reward-picture"] img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
    n,
  );
  // 兑换 is open (not 积分不够) on at least two of them
  const open = await byId(page, 'reward-redeem').evaluateAll((buttons) => buttons.filter((b) => b.textContent?.trim() === '兑换').length);
  expect(open).toBeGreaterThanOrEqual(2);
  await page.close();
}, 60_000);

test('the 挂榜 screen shows the top 10 of the three boards side by side on a big screen', async () => {
  const page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre')!;
  const token = await devToken(cadre.id);
  const villageId = (await api<TMeLite>('GET', '/api/me', token)).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const top = await api<{ items: { name: string; total: number }[] }>('GET', `/api/villages/${villageId}/leaderboard?board=person&period=all&limit=10`, token);

  await page.goto(`${app.base}/#/pages/login/index`);
  await agreeToTerms(page);
  await byId(page, `dev-person-${cadre.id}`).click();
  await page.waitForURL(/pages\/index\/index/);
  await page.goto(`${app.base}/#/pkg-points/board/index?villageId=${villageId}&period=all`);

  const boards = ['person', 'household', 'courtyard'].map((b) => byId(page, `screen-board-${b}`));
  await boards[0].locator('[data-testid="screen-item"]').first().waitFor();
  const boxes = await Promise.all(boards.map(async (b) => (await b.boundingBox())!));
  expect(boxes[0].x).toBeLessThan(boxes[1].x);
  expect(boxes[1].x).toBeLessThan(boxes[2].x);
  expect(Math.abs(boxes[0].y - boxes[2].y)).toBeLessThan(2);
  const rows = boards[0].locator('[data-testid="screen-item"]');
  expect(await rows.count()).toBe(Math.min(10, top.items.length));
  await expect(rows.first().innerText()).resolves.toContain(top.items[0].name);
  const nameSize = await rows
    .first()
    .locator('.screen__name')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(nameSize).toBeGreaterThanOrEqual(28);
  await expect(byId(page, 'screen-updated').innerText()).resolves.toContain('每分钟自动刷新');
  await page.close();
}, 120_000);
