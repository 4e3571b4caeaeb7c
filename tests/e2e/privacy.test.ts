import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { agreeToTerms, signInAsDemo, signOut, type TDevPerson, type TMeLite } from '../helpers/e2e-page';
import { DELETED_PERSON_NAME } from '../../shared/domain/privacy';

/**
 * 用户协议 and 隐私政策 in the H5 build: sign-in is refused until the box is ticked, both texts
 * open from the login page, an older agreed version is asked again, 我的数据 downloads a file,
 * 申请注销 waits for the village cadre, who confirms it — and the person is anonymised.
 */
const app = useE2eApp();
const rows = async <T>(q: ReturnType<typeof sql>) => (await app.handle.db.execute(q)) as unknown as { rows: T[] };

test('consent, 我的数据 and 注销 confirmed by the village cadre', async () => {
  const page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${app.base}/#/pages/login/index`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  // refused without the tick, with the reason; nobody is signed in
  await byId(page, 'dev-new-person').click();
  await expect(byId(page, 'login-consent-error').innerText()).resolves.toContain('用户协议');
  expect(page.url()).toMatch(/pages\/login/);

  // both texts open from the login page (a fresh load back: Taro keeps the left pages hidden in the DOM)
  const backToLogin = async () => {
    await page.goto(`${app.base}/#/pages/login/index`);
    await page.reload();
    await byId(page, 'login-consent').waitFor();
  };
  await byId(page, 'login-consent-terms').click();
  await expect(byId(page, 'terms').innerText()).resolves.toContain('小院家用户协议');
  await backToLogin();
  await byId(page, 'login-consent-policy').click();
  await expect(byId(page, 'policy').innerText()).resolves.toContain('手机号只给需要联系您的人看全');
  await backToLogin();

  // ticked: a newcomer signs in, and the consent is on record
  await agreeToTerms(page);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/dev-login'));
  await byId(page, 'dev-new-person').click();
  const session = (await (await answer).json()) as { token: string; person: { id: string } };
  await page.waitForURL(/pages\/index\/index/);
  const me = session.person.id;

  // make them a villager of the demo cadre's village (as 入院 would), with a name of their own
  const { people } = await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre')!;
  const villageId = (await app.api<TMeLite>('GET', '/api/me', await app.devToken(cadre.id))).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const name = `注销测试${randomUUID().slice(0, 4)}`;
  const [c] = (
    await rows<{ id: string; township_id: string }>(
      sql`select c.id, v.township_id from courtyards c join villages v on v.id = c.village_id where v.id = ${villageId} order by c.name limit 1`,
    )
  ).rows;
  const [h] = (await rows<{ id: string }>(sql`insert into households (courtyard_id, label) values (${c.id}, ${name}) returning id`)).rows;
  await app.handle.db.execute(sql`update people set name = ${name}, phone = '13912340000', household_id = ${h.id} where id = ${me}`);
  await app.handle.db.execute(
    sql`insert into role_assignments (person_id, role, scope_type, township_id, village_id, courtyard_id) values (${me}, 'villager', 'courtyard', ${c.township_id}, ${villageId}, ${c.id})`,
  );

  // the texts were updated since they agreed: asked again before going on
  await app.handle.db.execute(sql`update consents set version = '2020-01-01' where person_id = ${me}`);
  await page.goto(`${app.base}/#/pages/me/index`);
  await page.waitForURL(/pkg-privacy\/consent/);
  await byId(page, 'consent-agree').click();
  await expect(byId(page, 'consent-error').innerText()).resolves.toContain('隐私政策');
  await byId(page, 'consent-check-box').click();
  await byId(page, 'consent-agree').click();
  await page.waitForURL(/pages\/index\/index/);

  // 我的 → 我的数据: the download is a JSON file about this person
  await page.goto(`${app.base}/#/pages/me/index`);
  await byId(page, 'me-my-data').click();
  await page.waitForURL(/pkg-privacy\/my-data/);
  const download = page.waitForEvent('download');
  await byId(page, 'my-data-download').click();
  const file = await (await download).path();
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(data.person).toMatchObject({ id: me, name, phone: '13912340000' });
  expect(data.household).toMatchObject({ label: name });
  expect(data.consents.map((x: { version: string }) => x.version)).toContain('2020-01-01');
  await byId(page, 'my-data-saved').waitFor();

  // 申请注销: asked twice (sure?), then waiting for the cadre
  await byId(page, 'my-data-delete').click();
  await byId(page, 'my-data-delete-confirm-hint').waitFor();
  await byId(page, 'my-data-delete').click();
  await expect(byId(page, 'my-data-pending').innerText()).resolves.toContain('等待村干部确认');
  const requestId = (await app.api<{ deletionRequest: { id: string } }>('GET', '/api/me', session.token)).deletionRequest.id;

  // the village cadre confirms it
  await signOut(page, app.base);
  await signInAsDemo(page, app.base, cadre.id);
  await page.goto(`${app.base}/#/pages/me/index`);
  await byId(page, 'me-deletions').click();
  await page.waitForURL(/pkg-admin\/deletions/);
  const item = page.locator(`[data-testid="deletion-item"][data-id="${requestId}"]:visible`);
  await expect(item.innerText()).resolves.toContain(name);
  await item.locator('[data-testid="deletion-confirm"]').click();
  await item.waitFor({ state: 'detached' });

  // anonymised and signed out everywhere
  const [p] = (await rows<{ name: string; phone: string | null }>(sql`select name, phone from people where id = ${me}`)).rows;
  expect(p).toEqual({ name: DELETED_PERSON_NAME, phone: null });
  const res = await fetch(`${app.base}/api/me`, { headers: { authorization: `Bearer ${session.token}` } });
  expect(res.status).toBe(401);
}, 120_000);
