import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setEnv } from '../../functions/runtime/env';
import { testEnv, useTestDb } from '../helpers/db';
import { useApi } from '../helpers/api';

/** `npm run fake-wechat`: the printed settings really point a server at it, and its codes sign in. */
useTestDb();
const api = useApi();
const root = path.resolve(__dirname, '../..');
let child: ChildProcess;
let printed = '';

beforeAll(async () => {
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tests/helpers/fake-wechat-main.ts', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      printed += b.toString();
      if (printed.includes('Ctrl-C')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`fake-wechat exited with ${code}`)));
  });
}, 30_000);
afterAll(() => {
  child.kill('SIGINT');
});

describe('npm run fake-wechat', () => {
  it('prints the server settings for itself, and a code it hands out signs a person in', async () => {
    const settings = Object.fromEntries([...printed.matchAll(/\b(WECHAT_API_BASE|WECHAT_APP_ID|WECHAT_APP_SECRET)=(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(settings).sort()).toEqual(['WECHAT_API_BASE', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET']);
    setEnv(testEnv(settings));
    const user = `by-hand-${Date.now()}`;
    const code = async () => (await (await fetch(`${settings.WECHAT_API_BASE}/fake/login-code?user=${user}`)).json()).code as string;
    const first = await api.call('POST', '/api/auth/wechat-login', { body: { code: await code() } });
    expect(first.status).toBe(200);
    const again = await api.call('POST', '/api/auth/wechat-login', { body: { code: await code() } });
    expect(again.body.person.id).toBe(first.body.person.id);
  });

  it('stops on Ctrl-C', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
