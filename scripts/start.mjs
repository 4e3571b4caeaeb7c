// npm start: builds the H5 app if missing, migrates and seeds the embedded database on
// first run, then serves H5 + API on http://localhost:3000 with the demo sign-in on.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!fs.existsSync(path.join(root, 'dist/h5/index.html'))) {
  console.log('▶ building the H5 app (first run only, ~1 min)…');
  run('npm', ['run', 'build:h5']);
}
if (!fs.existsSync(path.join(root, 'dist/admin/index.html'))) {
  console.log('▶ building the back office (first run only, a few seconds)…');
  run('npm', ['run', 'build:admin']);
}
console.log('▶ preparing the database (migrate + demo village)…');
run('npx', ['tsx', 'db/cli/seed.ts']);

const port = process.env.PORT ?? '3000';
const fakes = [];

/**
 * Starts one of the loopback fakes the tests use (tests/helpers/fake-*-main.ts) on a free port
 * and reads the settings it prints for the server (its longest `KEY=value … npm run serve` line).
 */
async function startFake(script, extraEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...extraEnv },
  });
  fakes.push(child);
  let out = '';
  return new Promise((resolve) => {
    setTimeout(() => resolve(null), 30_000).unref(); // a fake that never says it is up is left out
    child.on('exit', () => resolve(null));
    child.stdout.on('data', (b) => {
      out += b;
      if (!out.includes('Ctrl-C')) return;
      const lines = [...out.matchAll(/^ {2}((?:[A-Z_]+=\S+ )+)npm run serve$/gm)].map((m) => m[1].trim().split(' '));
      const longest = lines.sort((a, b) => b.length - a.length)[0] ?? [];
      resolve({
        url: out.match(/on (http:\S+)/)?.[1],
        env: Object.fromEntries(longest.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
      });
    });
  });
}

// no WeChat or SMS account configured: the demo talks to the same fakes the tests use, so pushes,
// 公众号 template messages and texts can be watched without reaching real phones
const fakeEnv = {};
const notes = [];
if (!process.env.WECHAT_APP_ID && !process.env.WECHAT_API_BASE) {
  const wx = await startFake('tests/helpers/fake-wechat-main.ts', { FAKE_OA_PUSH_URL: `http://localhost:${port}/api/wechat/oa-push` });
  if (wx) {
    Object.assign(fakeEnv, wx.env);
    notes.push(`  模拟微信 (fake WeChat + 公众号): ${wx.url} — sent messages at ${wx.url}/fake/oa-sent`);
  }
}
if (!process.env.SMS_ENABLED) {
  const sms = await startFake('tests/helpers/fake-sms-main.ts');
  if (sms) {
    Object.assign(fakeEnv, sms.env);
    notes.push(`  模拟短信 (fake Tencent Cloud SMS): ${sms.url} — texts at ${sms.url}/fake/messages`);
  }
}

const child = spawn('npx', ['tsx', 'functions/_lib/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'development', ALLOW_DEV_LOGIN: '1', PORT: port, ...fakeEnv, ...process.env },
});
const stopAll = (sig) => {
  for (const f of fakes) f.kill(sig);
  child.kill(sig);
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stopAll(sig));
child.on('exit', (code) => {
  for (const f of fakes) f.kill('SIGTERM');
  process.exit(code ?? 0);
});

// once the server answers, list the demo sign-ins it offers
(async () => {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://localhost:${port}/api/auth/dev-people`);
      if (r.ok) {
        const { people } = await r.json();
        const seen = new Set();
        const lines = people.filter((p) => !seen.has(p.roleLabel) && seen.add(p.roleLabel)).map((p) => `    ${p.roleLabel}  ${p.name} · ${p.scopeName}`);
        console.log(
          `\n  演示登录 (demo sign-in): open http://localhost:${port}/ and pick a person, e.g.\n${lines.join('\n')}\n  or 「以新用户身份体验」 to join a courtyard with an invite code from a 院长.\n  管理后台 (back office for 院长, 村干部, 镇街管理员): http://localhost:${port}/admin/ — 扫码登录 or the demo list.\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`,
        );
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
})();
