import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../tests/helpers/pgbouncer';
import { FUNCTIONS_OUT } from '../scripts/build-functions';

const ROOT = path.resolve(__dirname, '..');

/** How a server can be started: what `node` is given. */
export const START_MODES = {
  /** `npm run serve`: the TypeScript through tsx */
  tsx: ['--import', 'tsx', 'functions/_lib/main.ts'],
  /** the prebuilt host (`npm run build:functions`) under plain node, compiled afresh each start */
  'node (prebuilt)': [path.join(FUNCTIONS_OUT, 'server.js')],
  /** `npm run serve:built`: the same through its launcher, with the code cache its first start wrote (`primeCodeCache`) */
  'node (prebuilt, code cache)': [path.join(FUNCTIONS_OUT, 'start.js')],
  /** the floor on this machine today: node itself starting and answering, nothing of ours */
  'bare node:http': ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)`],
};

/**
 * Milliseconds from spawning `node args` to its first 200 on /api/health (the timer starts at the
 * spawn; polled every 2 ms), the log quiet, no dispatcher interval, no static files.
 */
export async function startFirst200(args: string[], env: Record<string, string>, opts: { holdUntil?: () => boolean } = {}): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      PORT: String(port),
      DISPATCH_INTERVAL_MS: '0',
      STATIC_DIR: path.join(ROOT, 'no-static-dir'),
      ...env,
    } as unknown as NodeJS.ProcessEnv,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode}) before answering`);
      if (performance.now() - t0 > 120_000) throw new Error('no 200 in 120 s');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then(async (r) => (await r.arrayBuffer(), r.status === 200))
        .catch(() => false);
      if (ok) {
        const ms = performance.now() - t0;
        for (const until = Date.now() + 10_000; opts.holdUntil && !opts.holdUntil() && Date.now() < until;) await new Promise((r) => setTimeout(r, 20));
        return ms;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  }
}

/** The code cache the prebuilt host's first start writes (functions/_lib/start-built.ts). */
export const CODE_CACHE = path.join(FUNCTIONS_OUT, 'server.js.cache');

/** A first start of the launcher, kept alive until it has written its code cache; not counted (an installed server has had one). */
export async function primeCodeCache(env: Record<string, string>): Promise<void> {
  fs.rmSync(CODE_CACHE, { force: true });
  await startFirst200(START_MODES['node (prebuilt, code cache)'], env, { holdUntil: () => fs.existsSync(CODE_CACHE) });
  if (!fs.existsSync(CODE_CACHE)) throw new Error('the prebuilt host wrote no code cache');
}
