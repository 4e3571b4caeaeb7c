import { randomUUID } from 'node:crypto';
import { byId, useE2eApp } from '../helpers/e2e-app';

/**
 * 后台 · 通知发送情况 on the H5 build at desktop size: WeChat refuses a subscribe message
 * (47003), the notification fails, a village cadre finds it from 我的 and resends it, and
 * WeChat then takes it.
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
  const { token: newcomer } = await api<{ token: string }>('POST', '/api/auth/wechat-login', undefined, { code: app.wx.codeFor(`e2e-admin-${randomUUID()}`) });
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
