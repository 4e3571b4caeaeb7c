import type { Page } from 'playwright-core';
import { launchBrowser, type TBrowser } from '../helpers/browser';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { installFakeScanner, nextScan, signInAsDemo, until, type TDevPerson } from '../helpers/e2e-page';

/**
 * 扫码登录 (issue 15) with two browsers: the back office on a desktop (1440×900) shows the QR
 * and polls; the H5 mini-program on a phone (its own Chromium, with the app's scanner faked)
 * scans it from 我的 and confirms; the desktop becomes signed in as that person. 我的 · 登录设备
 * then lists the browser, and ending it there sends the desktop back to the sign-in page.
 */
const app = useE2eApp();
let phoneBrowser: TBrowser;

beforeAll(async () => {
  phoneBrowser = await launchBrowser();
  await installFakeScanner(phoneBrowser.context);
}, 60_000);
afterAll(() => phoneBrowser?.close());
afterEach(() => {
  const blocked = phoneBrowser?.takeCspViolations() ?? [];
  if (blocked.length) throw new Error(`Content-Security-Policy violations on the phone:\n${blocked.join('\n')}`);
});

type TTicket = { ticketId: string; scene: string; page: string; plain: string; qr: { wxacode: string | null } };
const demo = async () => (await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people;

/** The back office's sign-in page and the ticket its QR shows. */
async function desktopWithTicket(): Promise<{ desk: Page; ticket: TTicket }> {
  const desk = await app.browser.context.newPage();
  await desk.setViewportSize({ width: 1440, height: 900 });
  const created = desk.waitForResponse((r) => r.url().endsWith('/api/admin-login/tickets') && r.request().method() === 'POST');
  await desk.goto(`${app.base}/admin/`);
  const ticket = (await (await created).json()) as TTicket;
  await desk.getByTestId('admin-qr').waitFor();
  return { desk, ticket };
}

async function phoneAs(person: TDevPerson): Promise<Page> {
  const phone = await phoneBrowser.context.newPage();
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.goto(`${app.base}/#/pages/login/index`);
  await phone.evaluate(() => localStorage.clear());
  await phone.reload();
  await signInAsDemo(phone, app.base, person.id);
  // the 首页 settles before the test leaves it (CI once found 我的 without its rows when it did not)
  await phone.waitForLoadState('networkidle');
  await phone.waitForTimeout(400);
  return phone;
}

/** 我的, once its rows for this person are there. */
async function openMe(phone: Page): Promise<void> {
  await phone.goto(`${app.base}/#/pages/me/index`);
  await byId(phone, 'me-devices').waitFor();
}

test('a village cadre scans the back office’s code on the phone, confirms, and the desktop is signed in as them; ending it in 登录设备 signs the desktop out', async () => {
  const cadre = (await demo()).find((p) => p.role === 'village_cadre')!;
  const { desk, ticket } = await desktopWithTicket();
  await expect(desk.getByTestId('admin-qr').getAttribute('data-kind')).resolves.toBe('wxacode');
  expect(app.wx.wxacodes.at(-1)).toMatchObject({ scene: ticket.scene, page: 'pkg-account/admin-login/index' });
  await expect(desk.getByTestId('admin-qr-state').innerText()).resolves.toBe('请用小院家小程序扫码登录');
  // the demo sign-in stays below the QR
  await desk.getByTestId('admin-dev-login').waitFor();

  // 我的 · 扫码登录电脑: WeChat's scanner gives a mini-program code's page path with its scene
  const phone = await phoneAs(cadre);
  await openMe(phone);
  await nextScan(phone, `${ticket.page}?scene=${encodeURIComponent(ticket.scene)}`);
  await byId(phone, 'me-admin-login-scan').click();
  await phone.waitForURL(/pkg-account\/admin-login/);
  await until(() => byId(phone, 'admin-login-device').innerText(), 'Chrome · Linux');
  await expect(byId(phone, 'admin-login').innerText()).resolves.toContain('在电脑上登录小院家管理后台？');

  // the desktop, polling, shows the scan
  await until(() => desk.getByTestId('admin-qr-state').innerText(), '已扫码，请在手机上确认');

  await byId(phone, 'admin-login-confirm').click();
  await byId(phone, 'admin-login-done').waitFor();
  await until(() => desk.getByTestId('admin-person').innerText(), cadre.name);
  await expect(desk.getByTestId('admin-scope').innerText()).resolves.toBe(`${cadre.scopeName} · 村干部`);

  // 我的 · 登录设备: this phone and the desktop's browser, signed in by 扫码登录
  await openMe(phone);
  await byId(phone, 'me-devices').click();
  await phone.waitForURL(/pkg-account\/devices/);
  const qr = phone.locator('[data-testid="device"][data-method="qr"]:visible');
  await qr.first().waitFor();
  await expect(qr.count()).resolves.toBe(1);
  await expect(qr.getByTestId('device-name').innerText()).resolves.toBe('Chrome · Linux');
  await expect(phone.locator('[data-testid="device"][data-current="true"]:visible').count()).resolves.toBe(1);
  await qr.getByTestId('device-revoke').click();
  await until(() => qr.count(), 0);

  // the desktop's next check answers 401: back to the sign-in page with a fresh QR
  await desk.getByTestId('admin-qr-login').waitFor({ timeout: 20_000 });
  await desk.getByTestId('admin-qr').waitFor();
  await desk.close();
  await phone.close();
}, 120_000);

test('without a mini-program code the page shows a plain QR, which the app’s scanner reads; a villager is told it is not for them', async () => {
  app.wx.failNext('wxacode', { errcode: 41030, errmsg: 'invalid page' });
  const { desk, ticket } = await desktopWithTicket();
  const qr = desk.getByTestId('admin-qr');
  await expect(qr.getAttribute('data-kind')).resolves.toBe('plain');
  await expect(qr.getAttribute('data-text')).resolves.toBe(ticket.plain);
  expect(ticket.plain).toContain(`scene=${encodeURIComponent(ticket.scene)}`);

  // a villager scans it with 首页's scanner: the confirm page opens and refuses them
  const villager = (await demo()).find((p) => p.role === 'villager')!;
  const phone = await phoneAs(villager);
  await nextScan(phone, ticket.plain);
  await byId(phone, 'home-bin-report').click();
  await phone.waitForURL(/pkg-account\/admin-login/);
  await until(() => byId(phone, 'admin-login-error-message').innerText(), '管理后台只供院长、村干部和镇街管理员使用，您的账号不能扫码登录');
  await expect(byId(phone, 'admin-login-confirm').count()).resolves.toBe(0);
  await expect(desk.getByTestId('admin-qr-state').getAttribute('data-state')).resolves.toBe('pending');
  await desk.close();
  await phone.close();
}, 120_000);
