import { deflateSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { byId, type TE2eApp } from './e2e-app';

/** Page helpers the browser tests share: demo sign-in and out, a faked WeChat host, waiting, a real photo to pick. */
export type TDevPerson = { id: string; name: string; role: string; scopeName: string };

/** What the browser tests read of `GET /api/me`. */
export type TMeLite = {
  person: { id: string; name: string };
  village: { id: string; name: string } | null;
  roles: { role: string; scopeId: string; scopeType: string }[];
};

export async function signInAsDemo(page: Page, base: string, personId: string) {
  await page.goto(`${base}/#/pages/login/index`);
  await agreeToTerms(page);
  await byId(page, `dev-person-${personId}`).click();
  await page.waitForURL(/pages\/index\/index/);
}

/** Ticks 我已阅读并同意《用户协议》和《隐私政策》 on the login page (never ticked in advance). */
export async function agreeToTerms(page: Page) {
  const box = byId(page, 'login-consent');
  if ((await box.getAttribute('data-checked')) !== 'true') await byId(page, 'login-consent-box').click();
}

/**
 * Signs out on 我的 and starts the next person on a fresh page load, as a new visit would (no
 * stacked pages); `ready` is the login page's button to wait for (`login-wechat` where the test
 * fakes WeChat sign-in).
 */
export async function signOut(page: Page, base: string, ready = 'dev-login') {
  await page.goto(`${base}/#/pages/me/index`);
  await byId(page, 'logout').click();
  await page.waitForURL(/pages\/login/);
  await page.reload();
  await byId(page, ready).waitFor();
}

const fakeCodes = new WeakMap<BrowserContext, { codeFor: () => string | Promise<string> }>();

/**
 * WeChat sign-in on the H5 build as `user` of the fake WeChat server; with `acceptSubscribe`
 * the subscribe sheet answers 允许 (without it the H5 build refuses, as a plain browser does).
 */
export async function installFakeWechatHost(context: BrowserContext, codeFor: () => string | Promise<string>, o: { acceptSubscribe?: boolean } = {}) {
  // a retried test installs it again on the same context: the page keeps calling the one exposed
  // function, which now answers with the newest `codeFor`
  const installed = fakeCodes.get(context);
  if (installed) {
    installed.codeFor = codeFor;
    return;
  }
  const current = { codeFor };
  fakeCodes.set(context, current);
  await context.exposeFunction('__xyjFakeCode', () => current.codeFor());
  await context.addInitScript((acceptSubscribe) => {
    const w = window as unknown as { __XYJ_PLATFORM__: unknown; __xyjFakeCode: () => Promise<string> };
    w.__XYJ_PLATFORM__ = {
      login: async () => ({ code: await w.__xyjFakeCode() }),
      ...(acceptSubscribe ? { requestSubscribeMessage: async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'accept'])) } : {}),
    };
  }, o.acceptSubscribe ?? false);
}

/** The phone's scanner: it reads, a moment later, whatever `nextScan` put there last. */
export async function installFakeScanner(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __XYJ_PLATFORM__: unknown; __xyjNextScan?: string };
    w.__XYJ_PLATFORM__ = {
      scanCode: () => new Promise((resolve) => setTimeout(() => resolve({ result: w.__xyjNextScan ?? '' }), 50)),
    };
  });
}

/** What the fake scanner reads next. */
export function nextScan(page: Page, text: string) {
  return page.evaluate((t) => ((window as unknown as { __xyjNextScan: string }).__xyjNextScan = t), text);
}

/** Waits until `read()` gives `expected` (the page catches up with the server after a refetch). */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`still ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real RGB PNG of a colour gradient, larger than the 1280 px the page shrinks photos to. */
export function testPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // filter byte 0, then the pixels
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, (x + y) % 256], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Attaches a photo through the page's picker: the browser's file chooser gets a real PNG. */
export async function attachPhoto(page: Page, picker: string, name: string): Promise<string> {
  const chooser = page.waitForEvent('filechooser');
  await byId(page, `${picker}-add`).click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: testPng(1600, 1200) });
  await until(() => byId(page, `${picker}-item`).getAttribute('data-state'), 'done', 20_000);
  const id = await byId(page, picker).getAttribute('data-ids');
  if (!id) throw new Error(`${picker}: no photo id`);
  return id;
}

/** 一键呼叫 as a villager does it: turns it on in 我的 if off, then two taps on 首页; waits for the open call. */
export async function raiseSos(page: Page, base: string, personId: string): Promise<void> {
  await signInAsDemo(page, base, personId);
  await page.goto(`${base}/#/pages/me/index`);
  const sw = page.locator('[data-testid="me-sos-switch"]:visible');
  if ((await sw.getAttribute('data-checked')) !== 'true') await sw.click();
  await until(() => sw.getAttribute('data-checked'), 'true');
  await page.goto(`${base}/#/pages/index/index`);
  const sos = page.locator('[data-testid="home-sos"]:visible');
  await sos.click();
  await until(() => sos.getAttribute('data-armed'), 'true');
  await sos.click();
  await page.waitForURL(/pkg-request\/sos/);
  await until(() => page.locator('[data-testid="sos-status"]:visible').getAttribute('data-state'), 'open');
}

/**
 * A phone-sized page (375 × 812, the walk of issue 14) and a fresh sign-in by role, as a new
 * visit would be (the stored session dropped first, so nothing of the last person stays).
 */
export async function phonePage(context: BrowserContext, base: string, people: TDevPerson[]) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  const signInAs = async (role: string) => {
    await page.goto(`${base}/#/pages/login/index`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await signInAsDemo(page, base, people.find((p) => p.role === role)!.id);
  };
  return { page, signInAs };
}

/** Signs `personId` in on a fresh start: the stored session (and 长辈模式, all storage) dropped first. */
export async function freshSignIn(page: Page, base: string, personId: string) {
  await page.goto(`${base}/#/pages/login/index`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await signInAsDemo(page, base, personId);
}

/** Opens a page by its path and waits until its requests have settled. */
export async function openSettled(page: Page, base: string, path: string) {
  await page.goto(`${base}/#/${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

/**
 * The demo 店员's village and its listed people: the 店员 (and their village), a 村干部 and the
 * 保洁员 there, the 镇街管理员, and the last listed villager of that village whose 院长 is listed
 * too, with that 院长.
 */
export async function shopVillageCast(app: Pick<TE2eApp, 'api' | 'devToken'>) {
  const { people } = await app.api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const shopkeeper = people.find((p) => p.role === 'shopkeeper')!;
  const shopToken = await app.devToken(shopkeeper.id);
  const villageId = (await app.api<TMeLite>('GET', '/api/me', shopToken)).roles.find((r) => r.role === 'shopkeeper')!.scopeId;
  const sameVillage = (role: string) => people.filter((p) => p.role === role && p.scopeName === shopkeeper.scopeName);
  const heads = people.filter((p) => p.role === 'courtyard_head');
  let villager: TDevPerson | undefined;
  for (const p of people.filter((x) => x.role === 'villager' && heads.some((h) => h.scopeName === x.scopeName))) {
    const me = await app.api<TMeLite>('GET', '/api/me', await app.devToken(p.id));
    if (me.village?.id === villageId) villager = p;
  }
  if (!villager) throw new Error('no demo villager with a head in the 店员’s village');
  return {
    villageId,
    shopkeeper,
    shopToken,
    cadre: sameVillage('village_cadre')[0],
    cleaners: sameVillage('cleaner'),
    township: people.find((p) => p.role === 'township_staff')!,
    villager,
    head: heads.find((h) => h.scopeName === villager.scopeName)!,
  };
}
