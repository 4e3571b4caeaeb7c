import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { TDevPerson } from '../../shared/contracts/auth';
import type { TMe } from '../../shared/contracts/me';
import type { TRegistryPerson } from '../../shared/contracts/registry';
import { REGISTRY_FLAG_LABELS, REGISTRY_FLAGS } from '../../shared/domain/registry-sheet';
import { useE2eApp } from '../helpers/e2e-app';

/**
 * 信息采集 in the back office at 1440×900: a demo village cadre searches and ticks a flag and
 * the table shows exactly what the API answers for the same query; corrects a phone in the
 * drawer and the table shows it; 导出 Excel downloads the rows the API lists.
 */
const app = useE2eApp();

/** `read()` once it equals `want`, or its last value after `ms` (then the expect shows the difference). */
async function settled<T>(read: () => Promise<T>, want: T, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  return got;
}

test('a cadre searches, filters, edits a phone and exports the village’s registry', async () => {
  const { people } = await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre')!;
  const token = await app.devToken(cadre.id);
  const me = await app.api<TMe>('GET', '/api/me', token);
  const villageId = me.roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const list = async (qs: string) => {
    const out: TRegistryPerson[] = [];
    let cursor: string | null = null;
    do {
      const r: { items: TRegistryPerson[]; nextCursor: string | null } = await app.api(
        'GET',
        `/api/villages/${villageId}/registry/people?limit=200&${qs}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      out.push(...r.items);
      cursor = r.nextCursor;
    } while (cursor);
    return out;
  };
  const everyone = await list('');
  // someone with a flag, searched by surname: the flag narrows the surname's people
  const target = everyone.find((p) => REGISTRY_FLAGS.some((k) => p[k]) && p.phone)!;
  const flag = REGISTRY_FLAGS.find((k) => target[k])!;
  const surname = target.name.slice(0, 1);
  const qs = `q=${encodeURIComponent(surname)}&${flag}=true`;
  const expected = await list(qs);
  expect(expected.map((p) => p.id)).toContain(target.id);

  const page = await app.openAdmin();
  await page.evaluate((t) => localStorage.setItem('xyj-admin-token', t), token);
  await page.evaluate(() => (location.hash = '#/registry'));
  await page.reload();
  const table = page.getByTestId('registry-table');
  const names = () => table.locator('.ant-table-row').evaluateAll((rows) => rows.map((r) => (r.querySelector('td') as HTMLElement).innerText));
  await table
    .locator('.ant-table-row')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (e) => {
      throw new Error(`${e}\n${await page.locator('body').innerText()}`);
    });
  await expect(names()).resolves.toEqual(everyone.slice(0, 50).map((p) => p.name));

  const search = page.getByPlaceholder('姓名、手机号或户号');
  await search.fill(surname);
  await search.press('Enter');
  await page.getByTestId('registry-flags').getByText(REGISTRY_FLAG_LABELS[flag], { exact: true }).click();
  const want = expected.map((p) => p.name);
  expect(await settled(names, want)).toEqual(want);

  // edit the phone: saved, and the row shows it
  const row = table.locator(`tr[data-row-key="${target.id}"]`);
  await row.getByTestId('registry-edit').click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByTestId('registry-form-phone').fill('123');
  await drawer.getByTestId('registry-save').click();
  await expect(drawer.getByTestId('registry-save-error').innerText()).resolves.toContain('11位手机号');
  await drawer.getByTestId('registry-form-phone').fill('13512345678');
  await drawer.getByTestId('registry-save').click();
  expect(await settled(() => row.getByTestId('registry-phone').innerText(), '13512345678')).toBe('13512345678');
  expect((await list(qs)).find((p) => p.id === target.id)!.phone).toBe('13512345678');

  // 导出 Excel: the file's rows are the API's list for the same filters
  const download = page.waitForEvent('download');
  await page.getByTestId('registry-export-xlsx').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^信息采集表-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((r, i) => {
    if (i > 1) rows.push((r.values as string[]).slice(1));
  });
  const api = await list(qs);
  expect(rows.map((r) => [r[0], r[3], r[5] ?? '']).sort()).toEqual(api.map((p) => [p.id, p.name, p.phone ?? '']).sort());
  await page.close();
}, 120_000);
