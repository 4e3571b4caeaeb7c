import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { freshSignIn, openSettled, until, type TDevPerson, type TMeLite } from '../helpers/e2e-page';
import { measureText, unreadableText } from '../helpers/readability';

/**
 * Issue 14: 长辈模式. A villager switches it on in 我的; 首页 becomes three big tiles (一键呼叫,
 * 垃圾桶满了, 找院长) with nothing under 20 px, and 找院长 and a bin's report page grow their
 * text and buttons. Screenshots of the three pages go to artifacts/e2e/ (git-ignored). The
 * choice is kept on the phone: a reload keeps it, switching it off brings the usual 首页 back.
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);
const ARTIFACTS = path.resolve(__dirname, '../../artifacts/e2e');

let page: Page;
let villager: TDevPerson;
let binCode: string;

beforeAll(async () => {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!;
  const cadreToken = await app.devToken(cadre.id);
  const villageId = (await api<TMeLite>('GET', '/api/me', cadreToken)).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  binCode = (await api<{ items: { code: string; state: string }[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken)).items.find(
    (b) => b.state === 'active',
  )!.code;
  // a villager and nothing else (staff keep their usual 首页 in 长辈模式)
  for (const p of people.filter((x) => x.role === 'villager')) {
    const me = await api<TMeLite>('GET', '/api/me', await app.devToken(p.id));
    if (me.village?.id === villageId && me.roles.every((r) => r.role === 'villager')) villager = p;
  }
  if (!villager) throw new Error('no demo villager of 石坝村 without other roles');
  // her head answers a 找院长 of hers: 首页 then carries an unread count, which must grow too
  const head = people.find((p) => p.role === 'courtyard_head' && p.scopeName === villager.scopeName);
  if (!head) throw new Error(`no demo head of ${villager.scopeName}`);
  const ask = await api<{ id: string }>('POST', '/api/requests', await app.devToken(villager.id), { category: 'sanitation', text: '院坝的路灯坏了' });
  await api('POST', `/api/requests/${ask.id}/messages`, await app.devToken(head.id), { body: '好的，明天去看' });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
}, 60_000);

const open = (p: string) => openSettled(page, app.base, p);

const px = (el: Locator, prop: 'fontSize' | 'height') =>
  el.first().evaluate((e, k) => parseFloat(k === 'height' ? String(e.getBoundingClientRect().height) : getComputedStyle(e).fontSize), prop);
/** The visible page's root view (`.page`), where 长辈模式 puts its class. */
const root = () => page.locator('.taro_page:visible .page').last();
/** A screenshot once the page has slid fully in. */
async function shoot(name: string) {
  await until(() => root().evaluate((e) => Math.round(e.getBoundingClientRect().left)), 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
}

test('长辈模式 from 我的: 首页 has the three big actions, 找院长 and the bin page have larger text and buttons', async () => {
  await freshSignIn(page, app.base, villager.id);

  // the usual 首页 first: 18 px body text, no elder tiles
  await byId(page, 'home-ask-head').waitFor();
  const usualBody = await px(root(), 'fontSize');
  expect(usualBody).toBe(18);
  expect(await byId(page, 'elder-home').count()).toBe(0);

  await open('pages/me/index');
  const sw = byId(page, 'me-elder-switch');
  expect(await sw.getAttribute('data-checked')).toBe('false');
  await sw.click();
  expect(await sw.getAttribute('data-checked')).toBe('true');

  // 首页: the three actions, large; no text under 20 px anywhere on it
  await open('pages/index/index');
  const home = byId(page, 'elder-home');
  await home.waitFor();
  expect(await byId(page, 'home-ask-head').count()).toBe(0);
  expect(await px(home, 'fontSize')).toBeGreaterThanOrEqual(20);
  const sos = byId(page, 'elder-sos').locator('[data-testid="home-sos"], [data-testid="elder-sos-setup"]');
  await sos.first().waitFor();
  for (const action of [sos, byId(page, 'elder-bin'), byId(page, 'elder-ask')]) expect(await px(action, 'height')).toBeGreaterThanOrEqual(56);
  expect(await byId(page, 'elder-bin').innerText()).toContain('垃圾桶满了');
  expect(await byId(page, 'elder-ask').innerText()).toContain('找院长');
  await home.locator('.xyj-badge').waitFor(); // the unread count
  const texts = await measureText(page, home);
  expect(texts.length).toBeGreaterThan(4);
  expect(texts.filter((t) => t.fontSize < 20).map((t) => `${t.text} ${t.fontSize}px`)).toEqual([]);
  expect(await unreadableText(page, home)).toEqual([]); // and 4.5:1 contrast, white on the tiles too
  await shoot('elders-home.png');

  // 找院长 from its tile: body 22 px, the text box 22 px, the send button 64 px high
  await byId(page, 'elder-ask').click();
  await page.waitForURL(/pkg-request\/new/);
  await byId(page, 'request-submit').waitFor();
  expect(await root().getAttribute('class')).toContain('elder');
  expect(await px(root(), 'fontSize')).toBeGreaterThanOrEqual(20);
  expect(await px(byId(page, 'request-text').locator('textarea'), 'fontSize')).toBeGreaterThanOrEqual(20);
  expect(await px(byId(page, 'request-submit'), 'height')).toBeGreaterThanOrEqual(56);
  await shoot('elders-request.png');

  // a bin's report page (as its QR opens it)
  await open(`pkg-scan/bin/index?code=${binCode}`);
  await byId(page, 'bin-report').waitFor();
  expect(await root().getAttribute('class')).toContain('elder');
  expect(await px(root(), 'fontSize')).toBeGreaterThanOrEqual(20);
  expect(await px(byId(page, 'bin-report'), 'height')).toBeGreaterThanOrEqual(56);
  expect(await px(byId(page, 'bin-home'), 'height')).toBeGreaterThanOrEqual(56);
  await shoot('elders-bin.png');

  // kept on the phone: a fresh load still has it; switched off, the usual 首页 is back
  await page.reload();
  await open('pages/index/index');
  await byId(page, 'elder-home').waitFor();
  await open('pages/me/index');
  await byId(page, 'me-elder-switch').click();
  await open('pages/index/index');
  await byId(page, 'home-ask-head').waitFor();
  expect(await byId(page, 'elder-home').count()).toBe(0);
  expect(await px(root(), 'fontSize')).toBe(usualBody);
}, 120_000);
