import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { freshSignIn, openSettled, type TDevPerson, type TMeLite } from '../helpers/e2e-page';

/**
 * Issue 14 (proof): axe-core, the accessibility engine, finds no serious or critical problem on
 * the main pages of the H5 build at phone size — 登录, 首页, 积分, 我的, 找院长 (form and a
 * request's page), 积分超市, a bin's report page and the cleaner's 清运任务. axe runs in the page
 * itself (its script evaluated through the browser's debugging protocol, which the page's
 * Content-Security-Policy does not govern) over the whole document, once the page has loaded.
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

type TAxeNode = { target: unknown[]; html: string; failureSummary?: string };
type TAxeViolation = { id: string; impact: string | null; help: string; nodes: TAxeNode[] };

/** The serious and critical violations on the page as it is now, one line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: TAxeViolation[] }> } };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`));
}

let page: Page;
let villager: TDevPerson;
let cleaner: TDevPerson;
let requestId: string;
let binCode: string;

beforeAll(async () => {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!;
  cleaner = people.find((p) => p.role === 'cleaner' && p.scopeName === '石坝村')!;
  const villageId = (await api<TMeLite>('GET', '/api/me', await app.devToken(cadre.id))).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const bins = await api<{ items: { code: string; state: string }[] }>('GET', `/api/villages/${villageId}/bins`, await app.devToken(cadre.id));
  binCode = bins.items.find((b) => b.state === 'active')!.code;
  const heads = people.filter((p) => p.role === 'courtyard_head');
  for (const p of people.filter((x) => x.role === 'villager' && heads.some((h) => h.scopeName === x.scopeName))) {
    const me = await api<TMeLite>('GET', '/api/me', await app.devToken(p.id));
    if (me.village?.id === villageId) villager = p;
  }
  if (!villager) throw new Error('no demo villager of 石坝村 with a courtyard head');
  requestId = (await api<{ id: string }>('POST', '/api/requests', await app.devToken(villager.id), { category: 'sanitation', text: '垃圾池好几天没人清了' }))
    .id;
  page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
}, 60_000);

const open = (path: string) => openSettled(page, app.base, path);
const signInAs = (person: TDevPerson) => freshSignIn(page, app.base, person.id);

test('the main pages have no serious or critical accessibility violations', async () => {
  const found: string[] = [];
  const check = async (name: string) => {
    for (const f of await seriousViolations(page)) found.push(`${name}: ${f}`);
  };

  await open('pages/login/index');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await byId(page, 'dev-login').waitFor();
  await check('登录');

  await signInAs(villager);
  const villagerPages: [string, string][] = [
    ['首页', 'pages/index/index'],
    ['积分', 'pages/points/index'],
    ['我的', 'pages/me/index'],
    ['找院长', 'pkg-request/new/index'],
    ['找院长 · 事项', `pkg-request/detail/index?id=${requestId}`],
    ['积分超市', 'pkg-points/shop/index'],
    ['扫码报满 · 输入编码', 'pkg-scan/bin/index'],
    ['扫码报满', `pkg-scan/bin/index?code=${binCode}`],
  ];
  for (const [name, path] of villagerPages) {
    await open(path);
    await check(name);
  }

  // 长辈模式, switched on in 我的: its 首页 and 找院长
  await open('pages/me/index');
  await byId(page, 'me-elder-switch').click();
  await open('pages/index/index');
  await byId(page, 'elder-home').waitFor();
  await check('首页 · 长辈模式');
  await open('pkg-request/new/index');
  await check('找院长 · 长辈模式');

  await signInAs(cleaner);
  await open('pkg-clean/tasks/index');
  await check('清运任务');

  expect(found).toEqual([]);
}, 180_000);
