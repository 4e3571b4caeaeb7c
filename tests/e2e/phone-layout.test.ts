import type { Locator, Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { phonePage, type TDevPerson } from '../helpers/e2e-page';

/**
 * Issue 14, bug 4, on a 375 × 812 phone (H5 build): the 找院长统计 table reads as one card per
 * courtyard, no figure runs into the next or breaks inside (「0100%」, 「1分/钟」 before); the A4
 * sticker sheet fits the phone's width with a hint to print from a computer, and keeps its real
 * size at 1280 px.
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

/** A 1 × 1 GIF. */
const PIXEL = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

let page: Page;
let people: TDevPerson[];
let signInAs: (role: string) => Promise<void>;
beforeAll(async () => {
  people = (await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people;
  ({ page, signInAs } = await phonePage(app.browser.context, app.base, people));
});

/** Texts in `row` that break inside or touch the text beside them on the same line. */
async function crowded(row: Locator): Promise<string[]> {
  return row.evaluate((el) => {
    const boxes: { text: string; rects: DOMRect[] }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.length) boxes.push({ text, rects });
    }
    const problems: string[] = [];
    for (const b of boxes) if (b.rects.length > 1) problems.push(`「${b.text}」 breaks over ${b.rects.length} lines`);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].rects[0];
        const c = boxes[j].rects[0];
        const sameLine = a.top < c.bottom && c.top < a.bottom;
        const gap = Math.max(c.left - a.right, a.left - c.right);
        if (sameLine && gap < 8) problems.push(`「${boxes[i].text}」 and 「${boxes[j].text}」 ${gap.toFixed(1)} px apart`);
      }
    return problems;
  });
}

describe('tables and the sticker sheet fit a phone', () => {
  it('找院长统计 shows each courtyard as a card whose figures neither touch nor break', async () => {
    const villager = people.find((p) => p.role === 'villager')!;
    await api('POST', '/api/requests', await app.devToken(villager.id), { category: 'sanitation', text: '垃圾池好几天没人清了' });
    await signInAs('village_cadre');
    await page.goto(`${app.base}/#/pkg-request/stats/index`);
    const rows = byId(page, 'request-stats-row');
    await rows.first().waitFor();
    const found: string[] = [];
    for (let i = 0; i < (await rows.count()); i++)
      for (const p of await crowded(rows.nth(i))) found.push(`${await rows.nth(i).getAttribute('data-name')}: ${p}`);
    expect(found).toEqual([]);
    // every figure says what it is
    await expect(rows.first().innerText()).resolves.toMatch(/办结率[\s\S]*满意度/);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
  }, 30_000);

  it('the sticker sheet fits the phone with 「请在电脑上打开并打印，手机上仅预览」 and keeps its A4 size at 1280 px', async () => {
    // a layout test: the mini-program codes are answered here, not by the server. On the server
    // database every browser-test file shares the demo village, and a code fetched here would be
    // cached for bins.test, whose sticker test asks WeChat for every one of them at the same time.
    await page.route('**/api/bins/*/wxacode', (route) => route.fulfill({ json: { contentType: 'image/gif', base64: PIXEL } }));
    await signInAs('village_cadre');
    await page.goto(`${app.base}/#/pkg-admin/bins-stickers/index`);
    const sheet = byId(page, 'sticker-sheet');
    await byId(page, 'sticker').first().waitFor();
    await expect(byId(page, 'stickers-phone-hint').innerText()).resolves.toContain('请在电脑上打开并打印，手机上仅预览');
    const phone = (await sheet.boundingBox())!;
    expect(phone.x).toBeGreaterThanOrEqual(0);
    expect(phone.x + phone.width).toBeLessThanOrEqual(375);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    const scroller = await page.locator('.sticker-scroll:visible').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scroller).toBeLessThanOrEqual(0);

    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(byId(page, 'stickers-phone-hint').count()).resolves.toBe(0);
    const desk = (await sheet.boundingBox())!;
    expect(Math.round(desk.width)).toBe(Math.round((192 / 25.4) * 96)); // 192 mm, the real sheet
    await page.setViewportSize({ width: 375, height: 812 });
    await page.unroute('**/api/bins/*/wxacode');
  }, 60_000);
});
