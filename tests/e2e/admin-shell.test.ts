import type { TDevPerson } from '../../shared/contracts/auth';
import { useE2eApp } from '../helpers/e2e-app';

/**
 * The web back office at /admin (decision 020), at a desktop's 1440×900: a cadre signs in
 * with the demo sign-in and works in the village; a villager is told it is not for them;
 * the page runs under the host's Content-Security-Policy (checked after each test).
 */
const app = useE2eApp();

const demo = async () => (await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people;

test('a village cadre signs in with the demo sign-in and works in the village', async () => {
  const cadre = (await demo()).find((p) => p.role === 'village_cadre')!;
  const page = await app.openAdmin();
  const list = page.getByTestId('admin-dev-login');
  await list.getByText(cadre.name, { exact: true }).waitFor();
  // only the back office's roles are offered
  await expect(list.getByText('保洁员', { exact: false }).count()).resolves.toBe(0);
  await list.locator('.ant-list-item', { hasText: cadre.name }).first().getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('admin-scope').innerText()).resolves.toBe(`${cadre.scopeName} · 村干部`);
  await expect(page.getByTestId('admin-person').innerText()).resolves.toBe(cadre.name);
  // signed in across reloads, out with 退出
  await page.reload();
  await page.getByTestId('admin-scope').waitFor();
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByTestId('admin-dev-login').waitFor();
  await page.close();
}, 60_000);

test('a villager who holds no back-office role is told so', async () => {
  const villager = (await demo()).find((p) => p.role === 'villager')!;
  const token = await app.devToken(villager.id);
  const page = await app.openAdmin();
  await page.evaluate((t) => localStorage.setItem('xyj-admin-token', t), token);
  await page.reload();
  await page.getByText('管理后台供院长、村干部和镇街管理员使用').waitFor();
  await page.close();
}, 60_000);
