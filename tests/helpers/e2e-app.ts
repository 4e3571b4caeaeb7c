import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DbHandle } from '../../db/client';
import { setDb } from '../../functions/_lib/db';
import { setEnv } from '../../functions/runtime/env';
import { createHost } from '../../functions/_lib/host';
import { launchBrowser } from './browser';
import { openTestDb, testEnv } from './db';
import { startFakeWechat, type TFakeWechat } from './fake-wechat';

export const H5 = path.resolve(__dirname, '../../dist/h5');
export const ADMIN = path.resolve(__dirname, '../../dist/admin');

export type TE2eApp = {
  /** http://127.0.0.1:<port> of the real host serving the H5 build and the API */
  base: string;
  wx: TFakeWechat;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  handle: DbHandle;
  /** JSON call to the API as a test helper (writes carry a fresh Idempotency-Key) */
  api: <T>(method: string, url: string, token?: string, body?: unknown) => Promise<T>;
  /** a demo person's session token, through the dev sign-in */
  devToken: (personId: string) => Promise<string>;
  /** a new page of the back office (/admin) at a desktop's 1440×900, not yet signed in */
  openAdmin: () => Promise<Page>;
};

/**
 * A browser test's world, set up once per file: the fake WeChat server, this file's database,
 * the real host serving the H5 build (post-commit kick on), and headless Chromium.
 * Fields are filled in beforeAll; read them inside tests and hooks. `envOverrides` may be a
 * function of the fake WeChat (its 公众号 settings exist only once it runs).
 */
export function useE2eApp(envOverrides: Record<string, string> | ((wx: TFakeWechat) => Record<string, string>) = {}): TE2eApp {
  let server: http.Server | undefined;
  const app = {} as TE2eApp;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist/h5 missing: run npm run build:h5 first');
    app.wx = await startFakeWechat();
    app.handle = await openTestDb();
    setDb(app.handle);
    setEnv(
      testEnv({
        WECHAT_API_BASE: app.wx.url,
        WECHAT_APP_ID: app.wx.appId,
        WECHAT_APP_SECRET: app.wx.appSecret,
        STATIC_DIR: H5,
        DISPATCH_KICK: '1',
        ...(typeof envOverrides === 'function' ? envOverrides(app.wx) : envOverrides),
      }),
    );
    server = createHost({ staticDir: H5, adminDir: ADMIN });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    app.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app.browser = await launchBrowser();
  }, 60_000);
  afterEach(() => {
    // the page's Content-Security-Policy must allow everything the H5 build does (helpers/browser.ts)
    const blocked = app.browser?.takeCspViolations() ?? [];
    if (blocked.length) throw new Error(`Content-Security-Policy violations:\n${blocked.join('\n')}`);
  });
  afterAll(async () => {
    await app.browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await app.handle?.close();
    await app.wx?.stop();
  });
  app.api = async <T>(method: string, url: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${app.base}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
      },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  app.openAdmin = async () => {
    if (!fs.existsSync(path.join(ADMIN, 'index.html'))) throw new Error('dist/admin missing: run npm run build:admin first');
    const page = await app.browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${app.base}/admin/`);
    return page;
  };
  app.devToken = async (personId) => (await app.api<{ token: string }>('POST', '/api/auth/dev-login', undefined, { personId })).token;
  return app;
}

/** A visible element by data-testid (Taro keeps hidden pages in the DOM). */
export const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`);
