import { LEGAL_VERSION } from '../../shared/domain/privacy';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { findOaOpenidOfPerson } from '../../db/queries/oa-followers';
import { setEnv } from '../../functions/runtime/env';
import { testEnv, useTestDb } from '../helpers/db';
import { useApi } from '../helpers/api';

/** `npm run fake-wechat`: the printed settings really point a server at it, and its codes sign in. */
const db = useTestDb();
const api = useApi();
const root = path.resolve(__dirname, '../..');
let child: ChildProcess;
let printed = '';

beforeAll(async () => {
  child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tests/helpers/fake-wechat-main.ts', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FAKE_OA_PUSH_URL: `${api.baseUrl()}/api/wechat/oa-push` },
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
    const first = await api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code: await code() } });
    expect(first.status).toBe(200);
    const again = await api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code: await code() } });
    expect(again.body.person.id).toBe(first.body.person.id);
  });

  it('prints the 公众号 settings, and a user it makes follow is linked to the person who signed in', async () => {
    const settings = Object.fromEntries(
      [...printed.matchAll(/\b(WECHAT_API_BASE|WECHAT_APP_ID|WECHAT_APP_SECRET|WECHAT_OA_APP_ID|WECHAT_OA_APP_SECRET|WECHAT_OA_TOKEN)=(\S+)/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    expect(Object.keys(settings)).toHaveLength(6);
    setEnv(testEnv(settings));
    const user = `oa-by-hand-${Date.now()}`;
    const { code } = await (await fetch(`${settings.WECHAT_API_BASE}/fake/login-code?user=${user}`)).json();
    const me = await api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code } });
    const followed = await (await fetch(`${settings.WECHAT_API_BASE}/fake/oa-follow?user=${user}`)).json();
    expect(followed.push).toEqual({ status: 200, text: 'success' });
    expect(await findOaOpenidOfPerson(db.handle().db, me.body.person.id, settings.WECHAT_APP_ID)).toBe(followed.openid);
  });

  it('stops on Ctrl-C', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
