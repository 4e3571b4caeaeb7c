import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { attachPhoto, raiseSos, signInAsDemo as signIn, signOut as signOutOf, until, type TDevPerson } from '../helpers/e2e-page';

/**
 * 找院长 and 一键呼叫 in headless Chromium on the H5 build, against the real host and the demo
 * village. A villager sends a request with a photo; the courtyard head sees the photo, accepts,
 * replies and resolves; the villager reads the reply, confirms and rates 5 stars. A second
 * request left alone climbs to the village cadre when the server clock is moved a day on
 * (TEST_CLOCK, test-only). Then the villager turns 一键呼叫 on, calls with two taps, and sees
 * the head who answered.
 */
const app = useE2eApp({ TEST_CLOCK: '1' });
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);
const signInAsDemo = (page: Page, personId: string) => signIn(page, app.base, personId);
const signOut = (page: Page) => signOutOf(page, app.base);
const devToken = app.devToken;

type TDetail = { id: string; state: string; level: string; rating: number | null; photoIds: string[]; handler: { id: string } | null };

/** A listed villager and the listed head of the same courtyard, and a cadre of their village. */
async function cast() {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const heads = people.filter((p) => p.role === 'courtyard_head');
  const villager = people.find((p) => p.role === 'villager' && heads.some((h) => h.scopeName === p.scopeName));
  if (!villager) throw new Error('the demo sign-in list has no villager with their head');
  const head = heads.find((h) => h.scopeName === villager.scopeName)!;
  const cadre = people.find((p) => p.role === 'village_cadre')!;
  return { villager, head, cadre };
}

const detailState = (page: Page) => byId(page, 'request-detail').getAttribute('data-state');

describe('找院长 in the browser', () => {
  it('runs a request from sending with a photo to a 5-star confirmation, and escalates one left alone', async () => {
    const { villager, head, cadre } = await cast();
    const page = await app.browser.context.newPage();

    // the villager sends it from 首页
    await signInAsDemo(page, villager.id);
    await byId(page, 'home-ask-head').click();
    await byId(page, 'request-category-infrastructure').click();
    await byId(page, 'request-text').locator('textarea').fill('院坝门口的台阶塌了，老人进出不方便');
    await byId(page, 'request-place').locator('input').fill('桂花院路口');
    const photoId = await attachPhoto(page, 'request-photos', 'steps.png');
    await byId(page, 'request-submit').click();
    await page.waitForURL(/pkg-request\/detail/);
    await until(() => detailState(page), 'submitted');
    const id = (await byId(page, 'request-detail').getAttribute('data-id'))!;
    const sent = await api<TDetail>('GET', `/api/requests/${id}`, await devToken(villager.id));
    expect(sent).toMatchObject({ state: 'submitted', level: 'courtyard', photoIds: [photoId] });
    // whom she can ring: the courtyard's 院长 (nobody has taken it yet), never her own number
    const phoneOf = async (personId: string) => (await api<{ person: { phone: string | null } }>('GET', '/api/me', await devToken(personId))).person.phone;
    const headPhone = (await phoneOf(head.id))!;
    const contacts = page.locator('[data-testid="request-contact"]:visible');
    await contacts.first().waitFor();
    const rung = await contacts.evaluateAll((els: Element[]) => els.map((e) => `${e.getAttribute('data-role')}:${e.getAttribute('data-phone')}`));
    expect(rung).toContain(`courtyard_head:${headPhone}`);
    expect(rung.join()).not.toContain(String(await phoneOf(villager.id)));
    await expect(page.locator('[data-testid="request-requester-phone"]:visible').count()).resolves.toBe(0);
    await signOut(page);

    // the head finds it in 待办事项, sees the photo, accepts, replies and resolves
    await signInAsDemo(page, head.id);
    await byId(page, 'home-request-queue').click();
    await byId(page, 'request-queue-waiting').click();
    await page.locator(`[data-testid="request-item"][data-id="${id}"]:visible`).click();
    await page.waitForURL(/pkg-request\/detail/);
    await until(() => byId(page, 'request-photo').first().getAttribute('data-state'), 'ok');
    await byId(page, 'request-accept').click();
    await until(() => detailState(page), 'accepted');
    await byId(page, 'request-reply-text').locator('textarea').fill('明天上午带人来修');
    await byId(page, 'request-reply-send').click();
    await byId(page, 'request-message').filter({ hasText: '明天上午带人来修' }).waitFor();
    await byId(page, 'request-resolve-open').click();
    await byId(page, 'request-resolve-note').locator('textarea').fill('台阶已用水泥补好');
    await byId(page, 'request-resolve-submit').click();
    await until(() => detailState(page), 'resolved');
    await signOut(page);

    // the villager reads the reply, confirms and rates
    await signInAsDemo(page, villager.id);
    await page.goto(`${app.base}/#/pkg-request/detail/index?id=${id}`);
    await byId(page, 'request-message').filter({ hasText: '明天上午带人来修' }).waitFor();
    // now the head handles it: 办理人 with the head's phone and 打电话
    const handler = page.locator('[data-testid="request-contact"]:visible');
    await expect(handler.evaluateAll((els: Element[]) => els.map((e) => `${e.getAttribute('data-role')}:${e.getAttribute('data-phone')}`))).resolves.toEqual([
      `handler:${headPhone}`,
    ]);
    await byId(page, 'request-confirm-open').click();
    await byId(page, 'request-star-5').click();
    await byId(page, 'request-confirm-comment').locator('textarea').fill('修得又快又好');
    await byId(page, 'request-confirm-submit').click();
    await until(() => byId(page, 'request-rating').getAttribute('data-rating'), '5');
    const closed = await api<TDetail>('GET', `/api/requests/${id}`, await devToken(villager.id));
    expect(closed).toMatchObject({ state: 'closed', rating: 5, handler: { id: head.id } });
    const kinds = await page.locator('[data-testid="request-event"]:visible').evaluateAll((els: Element[]) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['submitted', 'accepted', 'resolved', 'closed']);
    // 积分明细 names the points after what she did: raised a 找院长 and confirmed it
    await page.goto(`${app.base}/#/pages/points/index`);
    const earned = page.locator('[data-testid="ledger-item"][data-reason="rule:request_participation"]:visible').first();
    await earned.waitFor();
    await expect(earned.innerText()).resolves.toContain('找院长：反映问题并确认');
    await expect(earned.innerText()).resolves.not.toContain('议事');

    // a second request nobody accepts: a day later (test clock) the cadre has it
    const second = await api<TDetail>('POST', '/api/requests', await devToken(villager.id), { category: 'sanitation', text: '垃圾池好几天没人清了' });
    const moved = await api<{ jobs: number }>('POST', '/api/test/clock', undefined, { minutes: 24 * 60 + 1 });
    expect(moved.jobs).toBeGreaterThanOrEqual(1);
    await signOut(page);
    await signInAsDemo(page, cadre.id);
    await byId(page, 'home-request-queue').click();
    await byId(page, 'request-queue-waiting').click();
    const item = page.locator(`[data-testid="request-item"][data-id="${second.id}"]:visible`);
    await item.waitFor();
    expect(await item.getAttribute('data-state')).toBe('escalated_village');
    await item.click();
    await byId(page, 'request-event').filter({ hasText: '吹哨到村' }).waitFor();
    expect(await byId(page, 'request-detail').getAttribute('data-level')).toBe('village');
    await page.close();
  }, 180_000);

  it('calls for help with two taps and shows the caller who is coming', async () => {
    const { villager, head } = await cast();
    const page = await app.browser.context.newPage();
    await raiseSos(page, app.base, villager.id);
    // waiting for an answer, she can ring those told (her 院长 among them), 110 and 120
    const headPhone = (await api<{ person: { phone: string | null } }>('GET', '/api/me', await devToken(head.id))).person.phone!;
    const ring = byId(page, 'sos-contact-call');
    await ring.first().waitFor();
    await expect(ring.evaluateAll((els: Element[]) => els.map((e) => e.getAttribute('data-phone')))).resolves.toContain(headPhone);
    await page.evaluate(() => {
      const w = window as unknown as { __xyjCalls: string[]; __XYJ_PLATFORM__?: Record<string, unknown> };
      w.__xyjCalls = [];
      w.__XYJ_PLATFORM__ = Object.assign(w.__XYJ_PLATFORM__ ?? {}, { makePhoneCall: async (p: string) => void w.__xyjCalls.push(p) });
    });
    await byId(page, 'sos-call-110').click();
    await byId(page, 'sos-call-120').click();
    await expect(page.evaluate(() => (window as unknown as { __xyjCalls: string[] }).__xyjCalls)).resolves.toEqual(['110', '120']);
    await signOut(page);

    // the head has the button too: her own stays on top, the villager's call sits below it
    await api('PUT', '/api/me/sos', await devToken(head.id), { enabled: true });
    await signInAsDemo(page, head.id);
    const own = byId(page, 'home-sos');
    const incoming = byId(page, 'home-sos-active');
    await own.waitFor();
    await incoming.waitFor();
    const [ownBox, incomingBox] = [(await own.boundingBox())!, (await incoming.boundingBox())!];
    expect(incomingBox.y).toBeGreaterThanOrEqual(ownBox.y + ownBox.height);
    await page.screenshot({ path: '/tmp/sos-head-home.png' });
    await incoming.click();
    await page.waitForURL(/pkg-request\/sos/);
    // the address names the courtyard once (household labels already carry it)
    const address = await byId(page, 'sos-address').innerText();
    expect(address.split(villager.scopeName).length - 1).toBe(1);
    await byId(page, 'sos-ack').click();
    await until(() => byId(page, 'sos-status').getAttribute('data-state'), 'acknowledged');
    await signOut(page);

    await signInAsDemo(page, villager.id);
    await byId(page, 'home-sos-live').click();
    await until(() => byId(page, 'sos-status').getAttribute('data-state'), 'acknowledged');
    expect(await byId(page, 'sos-status-text').textContent()).toContain(head.name);
    await page.close();
  }, 120_000);
});
