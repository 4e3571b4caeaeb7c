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
console.log('▶ preparing the database (migrate + demo village)…');
run('npx', ['tsx', 'db/cli/seed.ts']);

const port = process.env.PORT ?? '3000';
const child = spawn('npx', ['tsx', 'functions/_lib/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'development', ALLOW_DEV_LOGIN: '1', PORT: port, ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

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
          `\n  演示登录 (demo sign-in): open http://localhost:${port}/ and pick a person, e.g.\n${lines.join('\n')}\n  or 「以新用户身份体验」 to join a courtyard with an invite code from a 院长.\n`,
        );
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
})();
