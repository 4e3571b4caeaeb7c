import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type TBrowser = {
  context: BrowserContext;
  /** Content-Security-Policy violations seen on any page since the last call (and clears them) */
  takeCspViolations: () => string[];
  close: () => Promise<void>;
};

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs. Every page
 * reports what the server's Content-Security-Policy blocked: the page's own
 * `securitypolicyviolation` events and Chromium's console errors, so a policy the H5 build
 * does not satisfy fails the browser tests (tests/helpers/e2e-app.ts checks after each test).
 */
export async function launchBrowser(): Promise<TBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // the closed network, enforced: no name but loopback resolves, so a
      // build's default tile source (高德) fails at once and nothing leaves the machine
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  const violations: string[] = [];
  await context.exposeBinding('__xyjCspViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    const report = (window as unknown as { __xyjCspViolation: (t: string) => void }).__xyjCspViolation;
    window.addEventListener(
      'securitypolicyviolation',
      (e) => report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) on ${location.href}`),
      true,
    );
  });
  context.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return {
    context,
    takeCspViolations: () => violations.splice(0),
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
