import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../tests/helpers/pgbouncer';
import { FUNCTIONS_OUT } from '../scripts/build-functions';

const ROOT = path.resolve(__dirname, '..');

/** How a server can be started: what `node` is given. */
export const START_MODES = {
  /** `npm run serve`: the TypeScript through tsx */
  tsx: ['--import', 'tsx', 'functions/_lib/main.ts'],
  /** `npm run serve:built`: the prebuilt host (`npm run build:functions`) under plain node */
  'node (prebuilt)': [path.join(FUNCTIONS_OUT, 'server.js')],
  /** the floor on this machine today: node itself starting and answering, nothing of ours */
  'bare node:http': ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)`],
};

/**
 * Milliseconds from spawning `node args` to its first 200 on /api/health (the timer starts at the
 * spawn; polled every 2 ms), the log quiet, no dispatcher interval, no static files.
 */
export async function startFirst200(args: string[], env: Record<string, string>): Promise<number> {
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
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  }
}
