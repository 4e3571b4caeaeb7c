import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TDevPerson } from '../../shared/contracts/auth';
import { useE2eApp } from '../helpers/e2e-app';
import { until } from '../helpers/e2e-page';

/**
 * The back office at 1440×900 for a village cadre (demo sign-in): a villager files a 找院长,
 * the cadre finds it by 工单号, replies and accepts it from the drawer and the API shows both;
 * 时限设置 saves and reads back; 商品审核 approves a listing a villager submitted. Only this
 * test's own rows are judged (the server database is shared).
 */
const app = useE2eApp();

type TMeLite = { person: { id: string }; village: { id: string; name: string } | null };

async function cast() {
  const { people } = await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre')!;
  for (const p of people.filter((x) => x.role === 'villager')) {
    const token = await app.devToken(p.id);
    const me = await app.api<TMeLite>('GET', '/api/me', token);
    if (me.village?.name === cadre.scopeName) return { cadre, villager: p, villagerToken: token, villageId: me.village.id };
  }
  throw new Error('no demo villager in the cadre’s village');
}

async function signIn(cadre: TDevPerson): Promise<Page> {
  const page = await app.openAdmin();
  // the browser context is shared: start signed out whoever the last test left signed in
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const list = page.getByTestId('admin-dev-login');
  await list.locator('.ant-list-item', { hasText: cadre.name }).first().getByRole('button', { name: '登录' }).click();
  await page.getByTestId('admin-scope').waitFor();
  return page;
}

afterEach(() => {
  const blocked = app.browser?.takeCspViolations() ?? [];
  if (blocked.length) throw new Error(`Content-Security-Policy violations:\n${blocked.join('\n')}`);
});

test('a cadre finds a 找院长 by 工单号, replies and accepts it from the drawer', async () => {
  const { cadre, villagerToken } = await cast();
  const text = `后台测试：路灯坏了 ${randomUUID().slice(0, 8)}`;
  const filed = await app.api<{ id: string; ticket: string }>('POST', '/api/requests', villagerToken, { category: 'infrastructure', text });
  const page = await signIn(cadre);
  await page.getByRole('menuitem', { name: '找院长' }).click();
  await page.getByTestId('requests-table').waitFor();
  const search = page.getByPlaceholder('工单号，如 Z260042');
  await search.fill(filed.ticket);
  await search.press('Enter');
  const row = page.getByTestId('requests-table').locator('tr', { hasText: filed.ticket });
  await row.waitFor();
  // the filtered list replaces the first one (other files' requests) once it arrives
  await until(() => page.getByTestId('requests-table').locator('tbody tr.ant-table-row').count(), 1);
  await row.click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByText(text).waitFor();

  const reply = '收到，明天派人来修';
  await drawer.getByTestId('request-reply').fill(reply);
  await drawer.getByTestId('request-reply-send').click();
  await drawer.getByTestId('request-thread').getByText(reply).waitFor();
  await drawer.getByTestId('request-accept').click();
  await page.locator('.ant-drawer-title', { hasText: '办理中' }).waitFor();

  const detail = await app.api<{ state: string; handler: { name: string } | null }>('GET', `/api/requests/${filed.id}`, villagerToken);
  expect(detail).toMatchObject({ state: 'accepted', handler: { name: cadre.name } });
  const thread = await app.api<{ items: { body: string; author: { name: string } }[] }>('GET', `/api/requests/${filed.id}/messages`, villagerToken);
  expect(thread.items.map((m) => [m.author.name, m.body])).toContainEqual([cadre.name, reply]);

  // the server's refusal is shown: resolving without a note
  await drawer.getByTestId('request-resolve').click();
  await drawer.getByTestId('request-error').waitFor();
  await page.close();
}, 90_000);

test('时限设置 saves and reads back', async () => {
  const { cadre, villageId } = await cast();
  const token = await app.devToken(cadre.id);
  const before = await app.api<{ acceptHours: number }>('GET', `/api/villages/${villageId}/request-settings`, token);
  const next = before.acceptHours === 30 ? 31 : 30;
  const page = await signIn(cadre);
  try {
    await page.getByRole('menuitem', { name: '时限设置' }).click();
    const input = page.locator('input#acceptHours');
    await page.waitForFunction((v) => (document.querySelector('input#acceptHours') as HTMLInputElement | null)?.value === v, String(before.acceptHours));
    await input.fill(String(next));
    await page.getByTestId('sla-save').click();
    await page.getByText('已保存').waitFor();
    await expect(app.api<{ acceptHours: number }>('GET', `/api/villages/${villageId}/request-settings`, token)).resolves.toMatchObject({ acceptHours: next });
    await page.reload();
    await page.getByRole('menuitem', { name: '时限设置' }).click();
    await page.waitForFunction((v) => (document.querySelector('input#acceptHours') as HTMLInputElement | null)?.value === v, String(next));
  } finally {
    await app.api('PUT', `/api/villages/${villageId}/request-settings`, token, before);
    await page.close();
  }
}, 90_000);

test('商品审核 approves a listing a villager submitted', async () => {
  const { cadre, villagerToken } = await cast();
  const title = `后台审核${randomUUID().slice(0, 6)}`;
  const listing = await app.api<{ id: string }>('POST', '/api/listings', villagerToken, { title, category: 'other', priceFen: 500, unit: '斤', quantity: 10 });
  await app.api('POST', `/api/listings/${listing.id}/submit`, villagerToken);
  const page = await signIn(cadre);
  await page.getByRole('menuitem', { name: '商品审核' }).click();
  const row = page.getByTestId('listings-table').locator('tr', { hasText: title });
  await row.getByTestId('listing-approve').click();
  await page.getByText(`「${title}」已上架`).waitFor();
  await expect(app.api<{ state: string }>('GET', `/api/listings/${listing.id}`, villagerToken)).resolves.toMatchObject({ state: 'published' });
  await page.close();
}, 90_000);
