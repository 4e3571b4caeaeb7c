import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess, type TServerProcess } from '../helpers/server-process';
import { testDbKind } from '../helpers/test-db-config';

/**
 * The production build (`npm run build:functions`, a step of npm test before this project runs):
 * the prebuilt host starts under plain node, with no TypeScript loader, and answers (through its
 * launcher, which keeps V8's code cache from the first start for the next); each route's
 * own bundle carries zod without its 60-odd locales (decision 021).
 */
const out = path.resolve(__dirname, '../../dist/functions');
const cache = path.join(out, 'server.js.cache');

async function until(ok: () => boolean, ms: number) {
  for (const end = Date.now() + ms; !ok();) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the prebuilt functions', () => {
  let server: TServerProcess | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    await server?.kill();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('start under plain node and answer health, then a route loaded on its first request', async () => {
    const env: Record<string, string> = {};
    if (testDbKind() === 'server') env.DATABASE_URL = process.env.DATABASE_URL!;
    else env.PGLITE_DIR = dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'built-host-'));
    fs.rmSync(cache, { force: true });
    env.LOG_LEVEL = 'info'; // the "listening" line says whether the code cache was used
    server = await startServerProcess(env, 'built-host-test', [path.join(out, 'start.js')], 240_000);
    const health = await fetch(`${server.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    // the launcher's first start writes V8's code cache; the next start runs from it and answers the same
    expect(server.stdout()).toContain('"codeCache":"none"');
    await until(() => fs.existsSync(cache), 10_000);
    await server.kill();
    server = await startServerProcess(env, 'built-host-test', [path.join(out, 'start.js')], 240_000);
    await until(() => server!.stdout().includes('"msg":"listening"'), 10_000);
    expect(server.stdout()).toContain('"codeCache":"used"');
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    const me = await fetch(`${server.base}/api/me`);
    expect(me.status).toBe(401);
    expect((await me.json()).error.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${server.base}/api/no-such-route`)).status).toBe(404);
    // a spreadsheet route, which requires exceljs from node_modules (left out of the bundle), loads and answers
    const template = await fetch(`${server.base}/api/villages/00000000-0000-0000-0000-000000000000/registry/template`);
    expect(template.status).toBe(401);
  }, 300_000);

  it('bundles each route on its own, with zod’s English messages only', () => {
    const me = fs.readFileSync(path.join(out, 'api.me.js'), 'utf8');
    expect(me).toContain('/api/me');
    // zod's German messages ("… erwartet …"), which `import { z } from 'zod'` pulls into every bundle
    expect(me).not.toContain('erwartet');
  });
});
