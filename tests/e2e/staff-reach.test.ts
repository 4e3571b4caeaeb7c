import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { createWechatIdentity } from '../../db/seed/factories';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { raiseSos, signInAsDemo as signIn, signOut as signOutOf, until, type TDevPerson } from '../helpers/e2e-page';
import { fakeWechatEnv } from '../helpers/fake-wechat';
import { startFakeSms, type TFakeSms } from '../helpers/fake-sms';

/**
 * Staff reach in headless Chromium on the H5 build, against the real host with the 公众号 and
 * Tencent Cloud SMS fakes: a cleaner who holds no subscription credit but follows the 公众号 gets
 * the bin task a villager reports in the browser as a 公众号 template message that opens her
 * route, and opening it stops the SMS that would follow; an SOS the head does not acknowledge
 * within the minute texts the head's phone.
 */
let sms: TFakeSms;
beforeAll(async () => {
  sms = await startFakeSms();
});
afterAll(() => sms?.stop());
const OA_TOKEN = 'e2e-oa-token';
const app = useE2eApp((wx) => ({ TEST_CLOCK: '1', ...fakeWechatEnv(wx, OA_TOKEN), ...sms.env }));

const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);
const signInAsDemo = (page: Page, personId: string) => signIn(page, app.base, personId);
const signOut = (page: Page) => signOutOf(page, app.base);
const devToken = async (personId: string) => (await api<{ token: string }>('POST', '/api/auth/dev-login', undefined, { personId })).token;
const phoneOf = async (personId: string) => {
  const r = await app.handle.db.execute(sql`select phone from people where id = ${personId}`);
  return (r as unknown as { rows: { phone: string }[] }).rows[0].phone;
};

type TBin = { id: string; label: string; code: string; state: string; cleaners: { id: string }[]; h5Url: string };
type TTasks = { stops: { reportId: string; bin: { id: string } }[] };

async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a cleaner with no subscription credit gets the bin task through the 公众号, and opening it stops the SMS', async () => {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const cadre = people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!;
  // the village's second cleaner and its last listed villagers: on the server database the browser
  // tests share one demo village, and the other files use the first ones
  const cleaner = people.filter((p) => p.role === 'cleaner' && p.scopeName === '石坝村').at(-1)!;
  const cadreToken = await devToken(cadre.id);
  const cleanerToken = await devToken(cleaner.id);
  const villageId = (await api<{ roles: { role: string; scopeId: string }[] }>('GET', '/api/me', cadreToken)).roles.find(
    (r) => r.role === 'village_cadre',
  )!.scopeId;
  const { items: bins } = await api<{ items: TBin[] }>('GET', `/api/villages/${villageId}/bins`, cadreToken);
  const codeOf = new Map(bins.map((b) => [b.id, b.code]));
  // her route holds only this test's report
  for (const s of (await api<TTasks>('GET', '/api/cleaner/tasks', cleanerToken)).stops)
    await api('POST', `/api/bin-reports/${s.reportId}/clean`, cleanerToken, { code: codeOf.get(s.bin.id) });
  const bin = bins.filter((b) => b.state === 'active' && b.cleaners.some((c) => c.id === cleaner.id)).at(-1)!;

  // she signed in to the mini-program once (so WeChat gave us her unionid) and never tapped 「允许」 …
  await createWechatIdentity(app.handle.db, cleaner.id, app.wx.appId, app.wx.openidFor('e2e-cleaner'), app.wx.unionidFor('e2e-cleaner'));
  await app.handle.db.execute(sql`delete from subscription_credits where person_id = ${cleaner.id}`);
  // … but she follows the township's 公众号: WeChat pushes the signed event to our 服务器配置 URL
  app.wx.oa.setPush(`${app.base}/api/wechat/oa-push`, OA_TOKEN);
  const oaOpenid = app.wx.oa.openidFor('e2e-cleaner');
  await expect(app.wx.oa.follow(oaOpenid, app.wx.unionidFor('e2e-cleaner'))).resolves.toMatchObject({ status: 200, text: 'success' });

  // the cadre's page counts her as reached without credits
  const reach = await api<{ items: { personId: string; reach: string; channels: { oa: string } }[] }>(
    'GET',
    `/api/villages/${villageId}/reachability`,
    cadreToken,
  );
  expect(reach.items.find((p) => p.personId === cleaner.id)).toMatchObject({ reach: 'push', channels: { oa: 'following' } });

  // a villager opens the bin's sticker link in the browser and reports it full
  let villager: TDevPerson | undefined;
  for (const p of people.filter((x) => x.role === 'villager').reverse()) {
    const me = await api<{ village: { id: string } | null }>('GET', '/api/me', await devToken(p.id));
    if (me.village?.id === villageId) {
      villager = p;
      break;
    }
  }
  if (!villager) throw new Error('the demo sign-in list has no villager of 石坝村');
  const page = await app.browser.context.newPage();
  await signInAsDemo(page, villager.id);
  await page.goto(`${app.base}${bin.h5Url.slice(new URL(bin.h5Url).origin.length)}`);
  await until(() => byId(page, 'bin-label').innerText(), bin.label);
  await byId(page, 'bin-kind-overflow').click();
  await byId(page, 'bin-report').click();
  await until(() => byId(page, 'bin-report-result').getAttribute('data-outcome'), 'new');

  // WeChat took a 公众号 template message for her, whose card opens her route in the mini-program
  const card = await eventually('the 公众号 template message', () => app.wx.oa.sent.find((m) => m.touser === oaOpenid));
  expect(card).toMatchObject({ template_id: 'OA_TPL_BIN_TASK', miniprogram: { appid: app.wx.appId, pagepath: 'pkg-clean/tasks/index' } });
  expect(card.data.thing1.value).toBe(bin.label);
  expect(app.wx.sent.filter((m) => m.touser === app.wx.openidFor('e2e-cleaner'))).toEqual([]); // no credit was there to spend

  // she taps the card: the route opens with the bin first, which acknowledges the task
  await signOut(page);
  await signInAsDemo(page, cleaner.id);
  await page.goto(`${app.base}/#/pkg-clean/tasks/index`);
  await until(() => byId(page, 'task-stop').first().getAttribute('data-label'), bin.label);
  // fifteen minutes on, the SMS step finds the task acknowledged and texts nobody
  const cleanerPhone = await phoneOf(cleaner.id);
  await api('POST', '/api/test/clock', undefined, { minutes: 16 });
  expect(sms.sent.filter((m) => m.phone.endsWith(cleanerPhone.slice(-11)))).toEqual([]);
  await page.close();
  // the demo cleaner never signed in with WeChat again (other browser tests may share this database)
  await app.handle.db.execute(sql`delete from wechat_identities where person_id = ${cleaner.id}`);
}, 120_000);

test('an SOS nobody acknowledged in the first minute texts the head through Tencent Cloud SMS', async () => {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const heads = people.filter((p) => p.role === 'courtyard_head');
  const villager = people.filter((p) => p.role === 'villager' && heads.some((h) => h.scopeName === p.scopeName)).at(-1)!;
  const head = heads.find((h) => h.scopeName === villager.scopeName)!;
  const headPhone = await phoneOf(head.id);
  expect(headPhone).toMatch(/^1\d{10}$/);

  // the villager calls for help with two taps
  const page = await app.browser.context.newPage();
  await raiseSos(page, app.base, villager.id);
  expect(sms.sent.filter((m) => m.phone === `+86${headPhone}`)).toEqual([]); // pushes first, no text yet

  // a minute passes and nobody said 我去: the head's phone gets the SOS text, which names nobody
  await api('POST', '/api/test/clock', undefined, { minutes: 2 });
  const text = await eventually('the SOS text to the head', () => sms.sent.find((m) => m.phone === `+86${headPhone}`));
  expect(text).toMatchObject({ templateId: '100004', params: [], signName: sms.signName });
  await expect(byId(page, 'sos-status').getAttribute('data-state')).resolves.toBe('open');
  // the call ends, so the villager's 首页 is as other browser tests on this database expect it
  const callId = new URL(page.url().replace('#/', '')).searchParams.get('id');
  await page.close();
  await api('POST', `/api/sos/${callId}/cancel`, await app.devToken(villager.id), { reason: 'mistap' });
}, 120_000);
