import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { agreeToTerms, installFakeWechatHost, signOut as signOutOf } from '../helpers/e2e-page';

/**
 * 消息 in headless Chromium on the H5 build: a newcomer applies to join (and asks to be told
 * the result), the dispatcher puts 「新的入院申请」 in the head's inbox right after the commit,
 * and the head follows the 消息 badge to the message and from it to 入院申请.
 */
const app = useE2eApp();

const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);
const signOut = (page: Page) => signOutOf(page, app.base, 'login-wechat');

test('the head follows the 消息 badge to a new join request and from the message to 入院申请', async () => {
  const { context } = app.browser;
  // WeChat sign-in through the fake, and a subscribe sheet on which the person taps 允许
  const user = `e2e-inbox-${randomUUID()}`;
  await installFakeWechatHost(context, () => app.wx.codeFor(user), { acceptSubscribe: true });
  const page = await context.newPage();

  // the second demo head, so this file and the join-flow test never share an inbox
  const { people } = await api<{ people: { id: string; role: string; scopeName: string }[] }>('GET', '/api/auth/dev-people');
  const head = people.filter((p) => p.role === 'courtyard_head')[1];
  const { token: headToken } = await api<{ token: string }>('POST', '/api/auth/dev-login', undefined, { personId: head.id });
  const me = await api<{ roles: { role: string; scopeId: string }[] }>('GET', '/api/me', headToken);
  const courtyardId = me.roles.find((r) => r.role === 'courtyard_head')!.scopeId;
  const { code } = await api<{ code: string }>('POST', `/api/courtyards/${courtyardId}/invites`, headToken);
  const unreadBefore = (await api<{ unread: number }>('GET', '/api/inbox/unread-count', headToken)).unread;

  // a newcomer signs in with WeChat, applies, and asks to be told the result
  await page.goto(`${app.base}/#/pages/login/index`);
  await agreeToTerms(page);
  await byId(page, 'login-wechat').click();
  await page.waitForURL(/pages\/index\/index/);
  await byId(page, 'home-join').click();
  await byId(page, 'join-code-input').locator('input').fill(code);
  await byId(page, 'join-code-submit').click();
  await expect(byId(page, 'join-courtyard').innerText()).resolves.toContain(head.scopeName);
  await byId(page, 'join-name').locator('input').fill('钱新来');
  await byId(page, 'join-phone').locator('input').fill('13912345678');
  await byId(page, 'join-household').locator('input').fill('7号');
  await byId(page, 'join-submit').click();
  await byId(page, 'join-done').waitFor();
  await byId(page, 'join-subscribe').click();
  await expect(byId(page, 'join-subscribe-result').getAttribute('data-outcome')).resolves.toBe('subscribed');
  await signOut(page);

  // the head signs in and sees the badge on 首页
  await page.goto(`${app.base}/#/pages/login/index`);
  await agreeToTerms(page);
  await byId(page, `dev-person-${head.id}`).click();
  await page.waitForURL(/pages\/index\/index/);
  const badge = byId(page, 'home-inbox-badge');
  await badge.waitFor();
  expect(Number(await badge.innerText())).toBe(unreadBefore + 1);

  // 消息: the new request stands out as unread
  await byId(page, 'home-inbox').click();
  await page.waitForURL(/pkg-inbox\/inbox\/index/);
  const message = byId(page, 'inbox-item').filter({ hasText: '新的入院申请' }).filter({ hasText: '钱新来' });
  await message.waitFor();
  await expect(message.getAttribute('data-read')).resolves.toBe('false');

  // tapping it marks it read and opens 入院申请, where the request waits
  await message.click();
  await page.waitForURL(/pkg-courtyard\/requests\/index/);
  await byId(page, 'request-item').filter({ hasText: '钱新来' }).waitFor();
  await expect(api<{ unread: number }>('GET', '/api/inbox/unread-count', headToken)).resolves.toEqual({ unread: unreadBefore });
}, 120_000);
