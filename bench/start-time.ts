import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../tests/helpers/pgbouncer';

const ROOT = path.resolve(__dirname, '..');

/**
 * Milliseconds from spawning the server entry to its first 200 on /api/health (polled every
 * 10 ms). Runs the TypeScript through tsx, as `npm run serve` does; when a prebuilt entry exists
 * (SERVER_ENTRY=path/to/main.js) it runs that with plain node instead.
 */
export async function startFirst200(env: Record<string, string>): Promise<{ ms: number; how: string }> {
  const port = await freePort();
  const prebuilt = process.env.SERVER_ENTRY;
  const args = prebuilt ? [prebuilt] : ['--import', 'tsx', 'functions/_lib/main.ts'];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: 'ignore',
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
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before answering`);
      if (performance.now() - t0 > 120_000) throw new Error('no 200 in 120 s');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then(async (r) => (await r.arrayBuffer(), r.status === 200))
        .catch(() => false);
      if (ok) return { ms: performance.now() - t0, how: prebuilt ? `node ${path.basename(prebuilt)}` : 'tsx' };
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGKILL');
  }
}
