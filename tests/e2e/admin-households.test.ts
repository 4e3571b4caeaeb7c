import type { TDevPerson } from '../../shared/contracts/auth';
import type { TRegistryHousehold } from '../../shared/contracts/registry';
import { useE2eApp } from '../helpers/e2e-app';
import { until } from '../helpers/e2e-page';

/**
 * 按户查看 in the back office at 1440×900: a cadre finds a household by a member's name and sees
 * the members the API lists; 改户号 saves and the API shows the new 户号 (then puts it back: the
 * server database is shared with other files).
 */
const app = useE2eApp();

test('a cadre finds a household by a member’s name and corrects its 户号', async () => {
  const cadre = (await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people.find((p) => p.role === 'village_cadre')!;
  const token = await app.devToken(cadre.id);
  const villageId = (await app.api<{ roles: { role: string; scopeId: string }[] }>('GET', '/api/me', token)).roles.find(
    (r) => r.role === 'village_cadre',
  )!.scopeId;
  const list = (q: string) =>
    app.api<{ items: TRegistryHousehold[] }>('GET', `/api/villages/${villageId}/registry/households?q=${encodeURIComponent(q)}`, token);
  const household = (await list('')).items.find((h) => h.members.length >= 2)!;
  const member = household.members[1];

  const page = await app.openAdmin();
  await page.evaluate((t) => {
    localStorage.setItem('xyj-admin-token', t);
    location.hash = '#/households';
  }, token);
  await page.reload();
  await page.getByTestId('households-search').fill(member.name);
  await page.getByTestId('households-search').press('Enter');
  const row = page.getByTestId('households-table').locator('tbody tr', { hasText: household.label });
  await row.waitFor();
  // every household on screen is one the API finds for that name, with the members it lists (the
  // unfiltered first page also holds this household: wait for the search's reply to replace it)
  const found = (await list(member.name)).items.length;
  await until(() => page.getByTestId('households-table').locator('tbody tr').count(), found);
  for (const m of household.members) await expect(row.innerText()).resolves.toContain(m.name);

  const renamed = `${household.label}（改）`;
  await row.getByRole('button', { name: '改户号' }).click();
  await page.getByTestId('households-label').fill(renamed);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('households-table').locator('tbody tr', { hasText: renamed }).waitFor();
  expect((await list(member.name)).items.find((h) => h.id === household.id)!.label).toBe(renamed);
  await app.api('PATCH', `/api/households/${household.id}`, token, { label: household.label });
  await page.close();
}, 120_000);
