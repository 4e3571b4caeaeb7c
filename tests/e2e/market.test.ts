import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { attachPhoto, signInAsDemo as signIn, signOut as signOutOf, until, type TDevPerson } from '../helpers/e2e-page';

/**
 * 帮我卖 and 找活干 in headless Chromium on the H5 build, against the real host and the demo
 * village: a villager lists eggs with a photo (price typed in yuan), the courtyard head approves
 * it from 待审核, a buyer finds it, sees the photo and sends an intent, the seller accepts it,
 * and the buyer's 我的意向 shows the seller's phone. Then a job: a villager applies, is hired and
 * records the days and pay on their side.
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);
const devToken = app.devToken;
const signInAsDemo = (page: Page, personId: string) => signIn(page, app.base, personId);
const signOut = (page: Page) => signOutOf(page, app.base);
const fill = (page: Page, id: string, value: string) => byId(page, id).locator('input, textarea').first().fill(value);

type TMeLite = { person: { id: string; name: string; phone: string | null }; courtyard: { id: string; name: string } | null };

/** A listed villager with a phone whose courtyard head is listed too, and a buyer. */
async function cast() {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const heads = people.filter((p) => p.role === 'courtyard_head');
  for (const p of people.filter((x) => x.role === 'villager')) {
    const me = await api<TMeLite>('GET', '/api/me', await devToken(p.id));
    const head = heads.find((h) => h.scopeName === me.courtyard?.name);
    if (head && me.person.phone) return { seller: p, sellerPhone: me.person.phone, head, buyer: people.find((x) => x.role === 'villager' && x.id !== p.id)! };
  }
  throw new Error('no listed villager with a phone and a listed head');
}

describe('帮我卖 in the browser', () => {
  it('lists eggs with a photo, the head approves, a buyer asks, the seller accepts, the buyer sees the phone', async () => {
    const { seller, sellerPhone, head, buyer } = await cast();
    const page = await app.browser.context.newPage();

    await signInAsDemo(page, seller.id);
    await byId(page, 'home-market').click();
    await byId(page, 'market-sell').click();
    await page.waitForURL(/pkg-market\/listing-edit/);
    await fill(page, 'listing-title', '土鸡蛋');
    await byId(page, 'listing-category-poultry_egg').click();
    await attachPhoto(page, 'listing-photos', 'eggs.png');
    await fill(page, 'listing-price', '1.5');
    await byId(page, 'listing-unit-个').click();
    await fill(page, 'listing-quantity', '100');
    await fill(page, 'listing-pickup', '院里自取');
    await byId(page, 'listing-submit').click();
    const result = byId(page, 'listing-edit-result');
    await result.waitFor();
    expect(await result.getAttribute('data-state')).toBe('pending_review');
    const listingId = (await result.getAttribute('data-id'))!;
    const stored = await api<{ priceFen: number; quantity: number; photoIds: string[] }>('GET', `/api/listings/${listingId}`, await devToken(seller.id));
    expect(stored).toMatchObject({ priceFen: 150, quantity: 100 });
    expect(stored.photoIds).toHaveLength(1);
    await signOut(page);

    await signInAsDemo(page, head.id);
    await byId(page, 'home-market-review').click();
    const card = page.locator(`[data-testid="review-listing"][data-id="${listingId}"]:visible`);
    await card.locator('[data-testid="review-approve"]').click();
    await card.waitFor({ state: 'detached' });
    await signOut(page);

    await signInAsDemo(page, buyer.id);
    await byId(page, 'home-market').click();
    await page.locator(`[data-testid="market-listing"][data-id="${listingId}"]:visible`).click();
    await page.waitForURL(/pkg-market\/listing\/index/);
    await until(() => byId(page, 'listing-photo').first().getAttribute('data-state'), 'ok');
    expect(await page.content()).not.toContain(sellerPhone);
    await fill(page, 'intent-quantity', '30');
    await fill(page, 'intent-phone', '13911112222');
    await byId(page, 'intent-submit').click();
    await byId(page, 'intent-sent').waitFor();
    await page.goto(`${app.base}/#/pkg-market/mine/index?tab=intents`);
    await page.locator('[data-testid="my-intent"][data-state="pending"]:visible').first().waitFor();
    expect(await byId(page, 'my-intent-seller-phone').count()).toBe(0);
    await signOut(page);

    await signInAsDemo(page, seller.id);
    await page.goto(`${app.base}/#/pkg-market/listing/index?id=${listingId}`);
    const intent = byId(page, 'intent-item');
    expect(await intent.locator('[data-testid="intent-buyer-phone"]').getAttribute('data-phone')).toBe('13911112222');
    await intent.locator('[data-testid="intent-accept"]').click();
    await until(() => intent.getAttribute('data-state'), 'accepted');
    await signOut(page);

    await signInAsDemo(page, buyer.id);
    await page.goto(`${app.base}/#/pages/me/index`);
    await byId(page, 'me-market').click();
    await byId(page, 'mine-tab-intents').click();
    const phone = byId(page, 'my-intent-seller-phone');
    await phone.waitFor();
    expect(await phone.getAttribute('data-phone')).toBe(sellerPhone);
    const left = await api<{ quantity: number }>('GET', `/api/listings/${listingId}`, await devToken(buyer.id));
    expect(left.quantity).toBe(70);
    await page.close();
  }, 150_000);

  it('lets a villager apply for a job, be hired and record the work on their side', async () => {
    const { seller: poster, head, buyer: worker } = await cast();
    const posterToken = await devToken(poster.id);
    const job = await api<{ id: string }>('POST', '/api/jobs', posterToken, {
      title: '摘柑子',
      payFen: 15000,
      payUnit: 'day',
      place: '柑子园',
      startDate: '2026-12-01',
      endDate: '2026-12-03',
      headcount: 3,
    });
    await api('POST', `/api/jobs/${job.id}/submit`, posterToken);
    await api('POST', `/api/jobs/${job.id}/review`, await devToken(head.id), { decision: 'approve' });

    const page = await app.browser.context.newPage();
    await signInAsDemo(page, worker.id);
    await page.goto(`${app.base}/#/pkg-market/job/index?id=${job.id}`);
    await fill(page, 'job-apply-note', '周末有空');
    await byId(page, 'job-apply').click();
    await until(() => byId(page, 'job-my-application').getAttribute('data-state'), 'applied');
    const appId = (await byId(page, 'job-my-application').getAttribute('data-id'))!;
    await api('POST', `/api/applications/${appId}/decide`, posterToken, { decision: 'accept' });
    await page.reload();
    await until(() => byId(page, 'job-my-application').getAttribute('data-state'), 'accepted');
    await byId(page, 'work-days-plus').click(); // 1 → 1.5 days
    await fill(page, 'work-pay', '225');
    await byId(page, 'work-submit').click();
    await byId(page, 'work-waiting').waitFor();
    const mine = await api<{ items: { id: string; records: { worker: { days: number; payFen: number } | null; agreed: boolean | null } }[] }>(
      'GET',
      '/api/applications/mine',
      await devToken(worker.id),
    );
    expect(mine.items.find((a) => a.id === appId)?.records).toMatchObject({ worker: { days: 1.5, payFen: 22500 }, agreed: null });
    await page.close();
  }, 120_000);
});
