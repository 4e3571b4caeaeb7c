import type { Page } from 'playwright-core';
import { byId, useE2eApp } from '../helpers/e2e-app';
import { freshSignIn, until, type TDevPerson, type TMeLite } from '../helpers/e2e-page';

/**
 * Issue 14: 「按住说话」 on 找院长 and in a request's 沟通 box (H5: the browser's Web Speech API).
 * The browser's recogniser is replaced by a fake `webkitSpeechRecognition` (the browser's API,
 * not ours) that "hears" a fixed sentence while the button is held. The words are added after
 * what was typed; without a recogniser the button is not there at all.
 */
const app = useE2eApp();
const api = <T>(method: string, url: string, token?: string, body?: unknown) => app.api<T>(method, url, token, body);

/** What the fake recogniser saw: its settings and how it was driven. */
type TSpeechLog = { lang: string; continuous: boolean; starts: number; stops: number };

/** Installs the fake before the app loads: it answers `heard` while listening and ends when stopped. */
async function fakeRecogniser(page: Page, heard: string) {
  await page.addInitScript((words) => {
    const log = { lang: '', continuous: false, starts: 0, stops: 0 };
    class FakeRecognition {
      lang = '';
      continuous = false;
      interimResults = true;
      onresult: ((e: unknown) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        log.starts++;
        log.lang = this.lang;
        log.continuous = this.continuous;
        const result = Object.assign([{ transcript: words, confidence: 0.9 }], { isFinal: true });
        setTimeout(() => this.onresult?.({ resultIndex: 0, results: [result] }), 50);
      }
      stop() {
        log.stops++;
        setTimeout(() => this.onend?.(), 30);
      }
      abort() {
        setTimeout(() => this.onend?.(), 0);
      }
    }
    const w = window as unknown as Record<string, unknown>;
    Object.defineProperty(window, 'SpeechRecognition', { value: undefined, configurable: true, writable: true });
    w.webkitSpeechRecognition = FakeRecognition;
    w.__speechLog = log;
  }, heard);
}

/** No recogniser at all, as in a browser without the Web Speech API. */
async function noRecogniser(page: Page) {
  await page.addInitScript(() => {
    for (const k of ['SpeechRecognition', 'webkitSpeechRecognition'])
      Object.defineProperty(window, k, { value: undefined, configurable: true, writable: true });
  });
}

/** Presses the button, holds it while the fake "hears", lets go. */
async function holdToTalk(page: Page, testId: string) {
  const button = byId(page, testId);
  await button.hover();
  await page.mouse.down();
  await page.waitForFunction(() => (window as unknown as { __speechLog: TSpeechLog }).__speechLog.starts > 0);
  expect(await button.getAttribute('data-state')).toBe('listening');
  await page.waitForTimeout(200);
  await page.mouse.up();
}

let villager: TDevPerson;
let requestId: string;

beforeAll(async () => {
  const { people } = await api<{ people: TDevPerson[] }>('GET', '/api/auth/dev-people');
  const heads = people.filter((p) => p.role === 'courtyard_head');
  for (const p of people.filter((x) => x.role === 'villager' && heads.some((h) => h.scopeName === x.scopeName))) {
    if ((await api<TMeLite>('GET', '/api/me', await app.devToken(p.id))).village) villager = p;
  }
  requestId = (await api<{ id: string }>('POST', '/api/requests', await app.devToken(villager.id), { category: 'sanitation', text: '垃圾池好几天没人清了' }))
    .id;
}, 60_000);

/** A phone-sized page with `setup` installed, the villager signed in, at `path`. */
async function villagerAt(path: string, setup: (page: Page) => Promise<void>) {
  const page = await app.browser.context.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await setup(page);
  await freshSignIn(page, app.base, villager.id);
  await page.goto(`${app.base}/#/${path}`);
  return page;
}

test('找院长: what is said while 「按住说话」 is held is added after the typed text, in Mandarin', async () => {
  const page = await villagerAt('pkg-request/new/index', (p) => fakeRecogniser(p, '门口的路灯坏了'));
  const box = byId(page, 'request-text').locator('textarea');
  await box.fill('院坝里');
  expect(await byId(page, 'request-voice').innerText()).toContain('按住说话');

  await holdToTalk(page, 'request-voice');
  await until(() => box.inputValue(), '院坝里门口的路灯坏了');
  const log = await page.evaluate(() => (window as unknown as { __speechLog: TSpeechLog }).__speechLog);
  expect(log).toEqual({ lang: 'zh-CN', continuous: true, starts: 1, stops: 1 });
  expect(await byId(page, 'request-voice').getAttribute('data-state')).toBe('idle');

  // a second press adds again; the typed and the spoken words both stay
  await holdToTalk(page, 'request-voice');
  await until(() => box.inputValue(), '院坝里门口的路灯坏了门口的路灯坏了');
  await page.close();
}, 60_000);

test('a request’s 沟通 box: the spoken words follow the typed ones', async () => {
  const page = await villagerAt(`pkg-request/detail/index?id=${requestId}`, (p) => fakeRecogniser(p, '今天下午我在家'));
  const box = byId(page, 'request-reply-text').locator('textarea');
  await box.fill('谢谢院长，');
  await holdToTalk(page, 'request-reply-voice');
  await until(() => box.inputValue(), '谢谢院长，今天下午我在家');
  await page.close();
}, 60_000);

test('without a speech recogniser there is no 「按住说话」 and typing works as before', async () => {
  const page = await villagerAt('pkg-request/new/index', noRecogniser);
  await byId(page, 'request-submit').waitFor();
  expect(await byId(page, 'request-voice').count()).toBe(0);
  await byId(page, 'request-text').locator('textarea').fill('院坝门口的台阶塌了');
  expect(await byId(page, 'request-text').locator('textarea').inputValue()).toBe('院坝门口的台阶塌了');
  await page.close();
}, 60_000);
