import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { phonePage, until, type TDevPerson } from '../helpers/e2e-page';

/**
 * Issue 14, bug 10, on a 375 × 812 phone (H5 build): every page that is not a tab shows its
 * title (navigationBarTitleText) and a back button — 「返回」 after a tap from another page,
 * 「首页」 when the page was opened directly (a link, a QR).
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

const SRC = path.resolve(__dirname, '../../miniapp/src');
const TABS = ['pages/index/index', 'pages/points/index', 'pages/me/index'];

/** Every page of app.config.ts with the title its index.config.ts gives it. */
function pagesWithTitles(): { path: string; title: string }[] {
  const config = fs.readFileSync(path.join(SRC, 'app.config.ts'), 'utf8');
  const main = [...config.match(/pages: \[([^\]]*)\]/)![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const subs = [...config.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g)].flatMap((m) => [...m[2].matchAll(/'([^']+)'/g)].map((p) => `${m[1]}/${p[1]}`));
  return [...main, ...subs].map((p) => {
    const own = fs.readFileSync(path.join(SRC, `${p}.config.ts`), 'utf8');
    return { path: p, title: own.match(/navigationBarTitleText: '([^']+)'/)![1] };
  });
}

let page: Page;
let people: TDevPerson[];
let signInAs: (role: string) => Promise<void>;
beforeAll(async () => {
  people = (await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people;
  ({ page, signInAs } = await phonePage(app.browser.context, app.base, people));
});

const bar = () => page.locator('#taro-navigation-bar');
const title = () => bar().locator('.taro-navigation-bar-title');

/** The button the bar shows now (back or home) and its words. */
async function barButton(): Promise<{ button: Locator; words: string }> {
  const back = bar().locator('.taro-navigation-bar-back');
  const button = (await back.isVisible()) ? back : bar().locator('.taro-navigation-bar-home');
  const words = await button.evaluate((el) => `${getComputedStyle(el, '::after').content}`.replace(/"/g, ''));
  return { button, words };
}

describe('H5 sub-pages have a title and a way back', () => {
  it('a tap from 首页 to 找院长 shows 「找院长」 and 返回, which goes back to 首页', async () => {
    await signInAs('villager');
    await expect(bar().locator('.taro-navigation-bar-back:visible').count()).resolves.toBe(0); // a tab: no button
    await byId(page, 'home-ask-head').click();
    await page.waitForURL(/pkg-request\/new/);
    await until(() => title().innerText(), '找院长'); // the bar follows the route a moment after the URL
    const { button, words } = await barButton();
    expect(words).toBe('返回');
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44); // a big enough target for elderly fingers
    expect(box.width).toBeGreaterThanOrEqual(44);
    await button.click();
    await page.waitForURL(/pages\/index\/index/);
    await byId(page, 'home-ask-head').waitFor();
  }, 30_000);

  it('every page that is not a tab, opened directly, shows its title and 首页, which leads to 首页', async () => {
    await signInAs('village_cadre');
    const pages = pagesWithTitles().filter((p) => !TABS.includes(p.path) && p.path !== 'pages/login/index');
    expect(pages.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const p of pages) {
      await page.goto(`${app.base}/#/${p.path}`);
      await page.reload();
      await bar()
        .waitFor({ state: 'visible', timeout: 5000 })
        .catch(() => undefined);
      const shown = (await bar().isVisible()) ? await title().innerText() : '(no bar)';
      const { button, words } = await barButton();
      if (shown !== p.title || words !== '首页' || !(await button.isVisible())) wrong.push(`${p.path}: 「${shown}」 ${words || '(no button)'}`);
    }
    expect(wrong).toEqual([]);
    const { button } = await barButton();
    await button.click();
    await page.waitForURL(/pages\/index\/index/);
  }, 180_000);
});
