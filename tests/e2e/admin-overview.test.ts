import type { TDevPerson } from '../../shared/contracts/auth';
import type { TMe } from '../../shared/contracts/me';
import type { TOverview } from '../../shared/contracts/overview';
import { useE2eApp } from '../helpers/e2e-app';

/**
 * 数据概览 in the back office at 1440×900: a 村干部 signs in with the demo sign-in, lands on
 * the overview, and the charts' own figures (read from the ECharts instances) and the
 * 查看数据 tables equal the API's answer.
 */
const app = useE2eApp();

type TSeries = { name: string; data: (number | null)[] };

test('a village cadre sees the village’s figures in charts and tables equal to the API', async () => {
  const people = (await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people;
  const cadre = people.find((p) => p.role === 'village_cadre')!;
  const villager = people.find((p) => p.role === 'villager')!;
  // something to count today
  await app.api('POST', '/api/requests', await app.devToken(villager.id), { category: 'other', text: '数据概览测试：路灯不亮' });
  const token = await app.devToken(cadre.id);
  const me = await app.api<TMe>('GET', '/api/me', token);
  const villageId = me.roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const api = await app.api<TOverview>('GET', `/api/villages/${villageId}/overview?days=30`, token);
  expect(api.daily.at(-1)!.requestsOpened).toBeGreaterThanOrEqual(1);

  const page = await app.openAdmin();
  const list = page.getByTestId('admin-dev-login');
  await list.locator('.ant-list-item', { hasText: cadre.name }).first().getByRole('button', { name: '登录' }).click();
  // 数据概览 is the first menu item and the landing page
  await expect(page.getByTestId('admin-nav').locator('.ant-menu-item').first().innerText()).resolves.toBe('数据概览');
  await page.getByTestId('overview-chart-requests').locator('canvas').first().waitFor();

  const seriesOf = (id: string) =>
    page.evaluate((testId) => {
      const el = document.querySelector(`[data-testid="${testId}"] .echarts-for-react`) as HTMLElement;
      const charts = (window as unknown as { xyjCharts: { getInstanceByDom: (el: HTMLElement) => { getOption: () => unknown } } }).xyjCharts;
      const o = charts.getInstanceByDom(el).getOption() as { series: TSeries[]; xAxis: { data: string[] }[] };
      return { series: o.series.map((s) => ({ name: s.name, data: s.data })), x: o.xAxis[0].data };
    }, id);

  const requests = await seriesOf('overview-chart-requests');
  expect(requests.x).toEqual(api.daily.map((d) => d.day.slice(5)));
  expect(requests.series).toEqual([
    { name: '新增', data: api.daily.map((d) => d.requestsOpened) },
    { name: '办结', data: api.daily.map((d) => d.requestsClosed) },
    { name: '超时', data: api.daily.map((d) => d.requestsOverdue) },
  ]);
  const bins = await seriesOf('overview-chart-bins');
  expect(bins.series).toEqual([
    { name: '报满', data: api.daily.map((d) => d.binReports) },
    { name: '清运用时中位数', data: api.daily.map((d) => d.medianMinutesToClean) },
    { name: '清运用时P90', data: api.daily.map((d) => d.p90MinutesToClean) },
  ]);
  const groups = await seriesOf('overview-chart-groups');
  expect(groups.x).toEqual(api.groups.map((g) => g.name));
  expect(groups.series[1].data).toEqual(api.groups.map((g) => g.satisfaction));

  // the table beside the requests chart, opened with 查看数据: one row per day, same numbers
  const card = page.locator('.ant-card', { has: page.getByTestId('overview-chart-requests') });
  await card.getByText('查看数据').click();
  const table = page.getByTestId('overview-chart-requests-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const cells = await table.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(cells).toEqual(api.daily.map((d) => [d.day, String(d.requestsOpened), String(d.requestsClosed), String(d.requestsOverdue)]));
  await expect(page.getByTestId('headline-requests-opened').locator('.ant-statistic-content-value').innerText()).resolves.toBe(
    String(api.headline.requestsOpened),
  );
  await page.close();
}, 90_000);

test('a 院长 lands on her courtyard’s 数据概览: one courtyard, its households, its name on the charts', async () => {
  const people = (await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people')).people;
  const head = people.find((p) => p.role === 'courtyard_head')!;
  const token = await app.devToken(head.id);
  const me = await app.api<TMe>('GET', '/api/me', token);
  const grant = me.roles.find((r) => r.role === 'courtyard_head')!;
  const api = await app.api<TOverview>('GET', `/api/courtyards/${grant.scopeId}/overview?days=30`, token);
  expect(api.groups.map((g) => g.name)).toEqual([grant.scopeName]);

  const page = await app.openAdmin();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const list = page.getByTestId('admin-dev-login');
  await list.locator('.ant-list-item', { hasText: head.name }).first().getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('admin-nav').locator('.ant-menu-item').first().innerText()).resolves.toBe('数据概览');
  await page.getByTestId('overview-chart-groups').locator('canvas').first().waitFor();
  const groups = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="overview-chart-groups"] .echarts-for-react') as HTMLElement;
    const charts = (window as unknown as { xyjCharts: { getInstanceByDom: (el: HTMLElement) => { getOption: () => unknown } } }).xyjCharts;
    return (charts.getInstanceByDom(el).getOption() as { xAxis: { data: string[] }[] }).xAxis[0].data;
  });
  expect(groups).toEqual([grant.scopeName]);
  await expect(page.getByTestId('headline-households').innerText()).resolves.toContain(`/ ${api.headline.households}`);
  await page.close();
}, 90_000);
