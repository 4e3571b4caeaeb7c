import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { signInAsDemo as signIn, signOut as signOutOf, until, type TDevPerson } from '../helpers/e2e-page';

/**
 * 工单号 in headless Chromium on the H5 build: a villager sends a 找院长 and reads its number on
 * the detail page and in 我的事项; the courtyard head types the number, as read out on the
 * phone, into 待办事项's search and finds exactly that request; a wrong number is explained.
 */
const app = useE2eApp();
const signInAsDemo = (page: Page, personId: string) => signIn(page, app.base, personId);
const signOut = (page: Page) => signOutOf(page, app.base);

/**
 * A listed villager with the listed head of their courtyard (`last`: the last but one such villager:
 * the last is the one the staff-reach, 长辈模式 and axe browser tests use, and on the server
 * database a live call of hers would change their 首页).
 */
async function villagerAndHead(last = false) {
  const { people } = await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const heads = people.filter((p) => p.role === 'courtyard_head');
  const withHead = people.filter((p) => p.role === 'villager' && heads.some((h) => h.scopeName === p.scopeName));
  const villager = last ? withHead.at(-2) : withHead[0];
  if (!villager) throw new Error('the demo sign-in list has no villager with their head');
  return { villager, head: heads.find((h) => h.scopeName === villager.scopeName)! };
}

const items = (page: Page) => page.locator('[data-testid="request-item"]:visible');

describe('工单号 in the browser', () => {
  it('shows a new request its number and lets the head find it by that number', async () => {
    const { villager, head } = await villagerAndHead();
    const page = await app.browser.context.newPage();

    await signInAsDemo(page, villager.id);
    await page.goto(`${app.base}/#/pkg-request/new/index`);
    await byId(page, 'request-category-sanitation').click();
    await byId(page, 'request-text').locator('textarea').fill('公厕的灯坏了，晚上看不见');
    await byId(page, 'request-submit').click();
    await page.waitForURL(/pkg-request\/detail/);
    const shown = byId(page, 'request-ticket');
    await shown.waitFor();
    const ticket = (await shown.getAttribute('data-ticket'))!;
    expect(ticket).toMatch(/^Z\d{6}$/);
    expect(await shown.textContent()).toBe(`工单号 ${ticket}`);
    const id = (await byId(page, 'request-detail').getAttribute('data-id'))!;
    const token = await app.devToken(villager.id);
    expect((await app.api<{ ticket: string }>('GET', `/api/requests/${id}`, token)).ticket).toBe(ticket);
    // and in 我的事项
    await page.goto(`${app.base}/#/pkg-request/mine/index`);
    await until(() => page.locator(`[data-testid="request-item"][data-id="${id}"]:visible`).getAttribute('data-ticket'), ticket);
    await signOut(page);

    // the head types the digits a villager reads out, without the letter
    await signInAsDemo(page, head.id);
    await page.goto(`${app.base}/#/pkg-request/queue/index`);
    await byId(page, 'request-queue-summary').waitFor();
    await byId(page, 'request-queue-search-input').locator('input').fill(ticket.slice(1));
    await byId(page, 'request-queue-search-go').click();
    await until(async () => (await items(page).evaluateAll((els: Element[]) => els.map((e) => e.getAttribute('data-id')))).join(), id);
    expect(await byId(page, 'request-queue-summary').textContent()).toBe(`工单号 ${ticket}`);
    expect(await byId(page, 'request-queue-tabs').getAttribute('data-value')).toBe('search');

    // a number that cannot be one is explained, not searched
    await byId(page, 'request-queue-search-input').locator('input').fill('12');
    await byId(page, 'request-queue-search-go').click();
    await until(async () => ((await byId(page, 'request-queue-error').textContent()) ?? '').includes('工单号不对'), true);
    await until(() => items(page).count(), 0);

    // back to the whole queue, then open the request found by its number
    await byId(page, 'request-queue-search-clear').click();
    await until(() => byId(page, 'request-queue-tabs').getAttribute('data-value'), 'open');
    await byId(page, 'request-queue-search-input').locator('input').fill(ticket.toLowerCase());
    await byId(page, 'request-queue-search-go').click();
    await page.locator(`[data-testid="request-item"][data-id="${id}"]:visible`).click();
    await page.waitForURL(/pkg-request\/detail/);
    await until(() => byId(page, 'request-ticket').getAttribute('data-ticket'), ticket);
    await page.close();
  }, 120_000);

  it('shows an 一键呼叫 its number on the call page and in what the head is told', async () => {
    const { villager, head } = await villagerAndHead(true);
    const token = await app.devToken(villager.id);
    await app.api('PUT', '/api/me/sos', token, { enabled: true });
    const call = await app.api<{ id: string; ticket: string }>('POST', '/api/sos', token);
    try {
      expect(call.ticket).toMatch(/^S\d{6}$/);
      const page = await app.browser.context.newPage();
      await signInAsDemo(page, villager.id);
      await page.goto(`${app.base}/#/pkg-request/sos/index?id=${call.id}`);
      await until(() => byId(page, 'sos-ticket').textContent(), `工单号 ${call.ticket}`);
      await signOut(page);
      // the head types the S number into 待办事项's search and opens the call
      await signInAsDemo(page, head.id);
      await page.goto(`${app.base}/#/pkg-request/queue/index`);
      await byId(page, 'request-queue-tabs').waitFor();
      await byId(page, 'request-queue-search-input').locator('input').fill(call.ticket);
      await byId(page, 'request-queue-search-go').click();
      await page.locator(`[data-testid="request-queue-sos"][data-id="${call.id}"]:visible`).click();
      await page.waitForURL(/pkg-request\/sos/);
      await until(() => byId(page, 'sos-ticket').getAttribute('data-ticket'), call.ticket);
      await page.close();
      // the head's message about it carries the same number
      const headToken = await app.devToken(head.id);
      await until(async () => {
        const inbox = await app.api<{ items: { title: string; link: string | null }[] }>('GET', '/api/inbox', headToken);
        return inbox.items.some((m) => m.link?.includes(call.id) && m.title.endsWith(` · ${call.ticket}`));
      }, true);
    } finally {
      await app.api('POST', `/api/sos/${call.id}/cancel`, token, { reason: 'mistap' });
    }
  }, 120_000);
});
