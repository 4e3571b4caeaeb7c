import { randomUUID } from 'node:crypto';
import { addCredits } from '../../db/queries/credits';
import { createWechatIdentity } from '../../db/seed/factories';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { agreeToTerms } from '../helpers/e2e-page';
import { LEGAL_VERSION } from '../../shared/domain/privacy';

/**
 * 后台 · 通知发送情况 on the H5 build at desktop size: WeChat refuses a subscribe message
 * (47003), the notification fails, a village cadre finds it from 我的 and resends it, and
 * WeChat then takes it. On a phone, 工作人员能否收到通知 puts a cleaner nothing reaches at the
 * top, highlighted, above a cadre who still holds two one-time credits.
 */
const app = useE2eApp();

const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

type TSummary = { id: string; recipient: { name: string }; template: string; state: string };

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a village cadre finds a notification WeChat refused and resends it from the back office', async () => {
  const { people } = await api<{ people: { id: string; role: string; scopeName: string }[] }>('GET', '/api/auth/dev-people');
  const cadres = people.filter((p) => p.role === 'village_cadre');
  // a head whose village has a demo cadre (the first two heads belong to the other browser tests)
  let found: { headToken: string; courtyardId: string; villageId: string; cadreId: string } | undefined;
  for (const head of people.filter((p) => p.role === 'courtyard_head').slice(2)) {
    const { token } = await api<{ token: string }>('POST', '/api/auth/dev-login', undefined, { personId: head.id });
    const me = await api<{ village: { id: string; name: string }; roles: { role: string; scopeId: string }[] }>('GET', '/api/me', token);
    const cadre = cadres.find((c) => c.scopeName === me.village.name);
    if (cadre)
      found = { headToken: token, courtyardId: me.roles.find((r) => r.role === 'courtyard_head')!.scopeId, villageId: me.village.id, cadreId: cadre.id };
    if (found) break;
  }
  if (!found) throw new Error('the demo seed has no head and cadre in one village');
  const { headToken, courtyardId, villageId, cadreId } = found;

  // a newcomer (signed in with WeChat, so pushes can reach them) applies and subscribes to the result
  const { token: newcomer } = await api<{ token: string }>('POST', '/api/auth/wechat-login', undefined, {
    consentVersion: LEGAL_VERSION,
    code: app.wx.codeFor(`e2e-admin-${randomUUID()}`),
  });
  const { code } = await api<{ code: string }>('POST', `/api/courtyards/${courtyardId}/invites`, headToken);
  const request = await api<{ id: string }>('POST', '/api/join-requests', newcomer, {
    inviteCode: code,
    name: '孙重发',
    phone: '13912340001',
    householdLabel: '9号',
    members: [],
    flags: { livesAlone: false, elderly: false, needsCare: false },
  });
  await api('POST', '/api/subscriptions', newcomer, { accepted: ['TPL_JOIN_DECIDED'] });

  // WeChat refuses the result message for good: the notification fails
  app.wx.failNext('subscribe_send', { errcode: 47003, errmsg: 'argument invalid! data.thing2.value invalid' });
  await api('POST', `/api/join-requests/${request.id}/approve`, headToken);
  const failedUrl = `/api/villages/${villageId}/notifications?state=failed`;
  const { token: cadreToken } = await api<{ token: string }>('POST', '/api/auth/dev-login', undefined, { personId: cadreId });
  await eventually('the failed notification', async () =>
    (await api<{ items: TSummary[] }>('GET', failedUrl, cadreToken)).items.find((n) => n.recipient.name === '孙重发'),
  );

  // the cadre, on a desktop browser, opens the back office from 我的
  const page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${app.base}/#/pages/login/index`);
  await agreeToTerms(page);
  await byId(page, `dev-person-${cadreId}`).click();
  await page.waitForURL(/pages\/index\/index/);
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await byId(page, 'me-admin-notifications').click();
  await page.waitForURL(/pkg-admin\/notifications\/index/);

  const item = byId(page, 'notification-item').filter({ hasText: '孙重发' });
  await item.waitFor();
  await expect(item.innerText()).resolves.toContain('审核结果通知');
  await expect(item.innerText()).resolves.toContain('47003');
  // desktop layout: a centred column, not a phone screen blown up to the window's width
  expect((await byId(page, 'notification-item').first().boundingBox())!.width).toBeLessThan(640);

  await item.locator('[data-testid="notification-retry"]').click();
  await item.locator('[data-testid="notification-resent"]').waitFor();
  await expect(item.getAttribute('data-state')).resolves.not.toBe('failed');

  // the dispatcher was kicked: WeChat takes the message this time
  await eventually('the resent push', async () => app.wx.sent.find((m) => m.template_id === 'TPL_JOIN_DECIDED') ?? undefined);
  await byId(page, 'notifications-refresh').click();
  await byId(page, 'notifications-empty').waitFor();
  await page.close();
}, 120_000);

test('a village cadre sees on the phone that a cleaner cannot be reached, highlighted above staff who can', async () => {
  const { people } = await api<{ people: { id: string; name: string; role: string; scopeName: string }[] }>('GET', '/api/auth/dev-people');
  const cleaner = people.find((p) => p.role === 'cleaner')!;
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === cleaner.scopeName)!;
  // the cadre signed in with WeChat and tapped 「允许」 twice; the demo cleaner never signed in with WeChat
  await createWechatIdentity(app.handle.db, cadre.id, app.wx.appId, `e2e-reach-${randomUUID()}`);
  await addCredits(app.handle.db, cadre.id, 'bin_task', 2, new Date());

  const page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${app.base}/#/pages/login/index`);
  await agreeToTerms(page);
  await byId(page, `dev-person-${cadre.id}`).click();
  await page.waitForURL(/pages\/index\/index/);
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await byId(page, 'me-admin-notifications').click();
  await page.waitForURL(/pkg-admin\/notifications\/index/);

  const section = byId(page, 'reach-section');
  await expect(section.innerText()).resolves.toContain('工作人员能否收到通知');
  const alert = byId(page, 'reach-unreachable');
  const row = alert.locator(`[data-testid="reach-item"][data-name="${cleaner.name}"]`);
  await row.waitFor();
  await expect(row.getAttribute('data-reach')).resolves.toBe('inbox_only');
  const text = await row.innerText();
  expect(text).toContain('保洁员');
  expect(text).toContain('收不到，只有站内消息');
  expect(text).toContain('没用微信登录小程序');
  expect(text).toContain('用微信登录小程序，并点「允许」订阅提醒');

  // highlighted: the red box, above everyone who can be reached
  const look = await alert.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(look).toBe('rgb(255, 241, 240)'); // $color-danger-soft
  const reachable = byId(page, 'reach-others').locator(`[data-testid="reach-item"][data-name="${cadre.name}"]`);
  await expect(reachable.getAttribute('data-reach')).resolves.toBe('credits');
  await expect(reachable.innerText()).resolves.toContain('只剩2次提醒');
  expect((await alert.boundingBox())!.y).toBeLessThan((await reachable.boundingBox())!.y);

  // phone-sized and readable: no text in the section below 16 px
  const smallest = await section.evaluate((el) =>
    Math.min(
      ...[...el.querySelectorAll('*')].filter((e) => e.childElementCount === 0 && e.textContent?.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize)),
    ),
  );
  expect(smallest).toBeGreaterThanOrEqual(15.9);
  expect((await section.boundingBox())!.width).toBeLessThanOrEqual(375);
  await page.close();
}, 120_000);
