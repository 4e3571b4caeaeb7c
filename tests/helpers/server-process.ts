import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export type TServerProcess = {
  base: string;
  child: ChildProcess;
  /** resolves with the exit code (or signal) when the process ends */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** everything the process wrote to stderr (its warn/error log lines) */
  stderr: () => string;
  /** what it wrote to stdout (the banner; info log lines when LOG_LEVEL allows them) */
  stdout: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * The real single-server entry (functions/_lib/main.ts) as its own process on a free port, for
 * fault tests that drop its database connections or kill it outright. Its connections carry
 * `appName` in pg_stat_activity, so a test can terminate exactly those.
 */
export async function startServerProcess(
  env: Record<string, string>,
  appName: string,
  /** what node runs: the tsx entry, or the prebuilt `dist/functions/server.js` */
  args: string[] = ['--import', 'tsx', 'functions/_lib/main.ts'],
  /** a first PGlite open migrates a fresh folder: on a loaded machine that alone can pass a minute */
  startTimeoutMs = 60_000,
): Promise<TServerProcess> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'warn',
      STATIC_DIR: path.join(ROOT, 'no-static-dir'),
      DISPATCH_INTERVAL_MS: '0',
      DISPATCH_KICK: '0',
      PGAPPNAME: appName,
      // the db suite's DATABASE_URL may be PgBouncer (tests/helpers/pgbouncer.ts)
      ...(process.env.DB_POOLER ? { DB_POOLER: process.env.DB_POOLER } : {}),
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
    if (err.length > 2_000_000) err = err.slice(-1_000_000);
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${out}\n${err}`)), startTimeoutMs);
    child.stdout!.on('data', () => {
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}\n${err}`)));
  });
  return {
    base,
    child,
    exited,
    stderr: () => err,
    stdout: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
