/**
 * bench/start: cold start and function size (decision 021). Starts the single-server host as a
 * fresh process — through tsx (`npm run serve`) and as prebuilt JavaScript under plain node
 * (`npm run build:functions`, then `node dist/functions/server.js`) — and times from the spawn to
 * the first 200 on /api/health; then lists each route's own bundle, raw and gzipped. Prints
 * figures; asserts nothing. Builds first unless given --no-build.
 * Usage: npx tsx bench/start.ts [runs=3] [--no-build]   (DATABASE_URL → the server; else PGlite)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildFunctions, FUNCTIONS_OUT } from '../scripts/build-functions';

const ROOT = path.resolve(__dirname, '..');
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const GOAL_MS = 300;
const GOAL_BYTES = 300 * 1000;

/** Milliseconds from spawning `args` to the first 200 on /api/health. */
async function startToFirst200(args: string[], port: number, env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DISPATCH_INTERVAL_MS: '0', STATIC_DIR: path.join(ROOT, 'no-static-dir'), ...env },
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`))));
  try {
    for (;;) {
      const ok = await Promise.race([
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.status === 200,
          () => false,
        ),
        exited,
      ]);
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill();
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

async function main() {
  const env: Record<string, string> = {};
  if (!process.env.DATABASE_URL) {
    env.PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'start-bench-'));
    console.log('no DATABASE_URL: PGlite in a scratch folder (its first open migrates; the goal is for the server)');
  }
  if (!process.argv.includes('--no-build')) {
    const { ms } = await buildFunctions();
    console.log(`npm run build:functions: ${ms} ms`);
  }
  const modes = {
    tsx: ['--import', 'tsx', 'functions/_lib/main.ts'],
    'node (prebuilt)': [path.join(FUNCTIONS_OUT, 'server.js')],
    // the floor on this machine today: node itself starting and answering, nothing of ours
    'bare node:http': ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT)`],
  };
  if (env.PGLITE_DIR) await startToFirst200(modes.tsx, 39170, env); // the one-time migration, not counted
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`start to first 200 on /api/health (median of ${runs}; timer starts at spawn), database ${process.env.DATABASE_URL ? 'server' : 'pglite'}:`);
  for (const [name, args] of Object.entries(modes)) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await startToFirst200(args, 39171 + i, env));
    console.log(`  ${name.padEnd(16)} ${median(times).toFixed(0).padStart(6)} ms   runs ${times.map((t) => t.toFixed(0)).join(', ')}   (goal ≤ ${GOAL_MS} ms)`);
  }

  const sizes = fs
    .readdirSync(FUNCTIONS_OUT)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const bytes = fs.readFileSync(path.join(FUNCTIONS_OUT, f));
      return { f, raw: bytes.length, gz: zlib.gzipSync(bytes).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const fns = sizes.filter((s) => s.f.startsWith('api.'));
  const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`.padStart(8);
  console.log(
    `\nfunction bundles (esbuild, minified; goal ≤ ${GOAL_BYTES / 1000} kB): ${fns.length} routes, median ${kB(median(fns.map((s) => s.raw)))} raw / ${kB(median(fns.map((s) => s.gz)))} gzip, ${fns.filter((s) => s.raw > GOAL_BYTES).length} over the goal`,
  );
  for (const s of [...fns.slice(0, 8), ...fns.filter((x) => ['api.me.js', 'api.health.js'].includes(x.f))])
    console.log(`  ${s.f.padEnd(56)} ${kB(s.raw)} raw ${kB(s.gz)} gzip`);
  for (const s of sizes.filter((x) => !x.f.startsWith('api.')))
    console.log(`  ${s.f.padEnd(56)} ${kB(s.raw)} raw ${kB(s.gz)} gzip   (the single-server host, every route)`);
  if (env.PGLITE_DIR) fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
