/**
 * bench/start: cold start and function size (decision 021). Starts the single-server host as a
 * fresh process — through tsx (`npm run serve`) and as prebuilt JavaScript under plain node
 * (`npm run build:functions`, then `node dist/functions/server.js`, and through its launcher
 * `start.js` with the code cache of a first start) — and times from the spawn to
 * the first 200 on /api/health; then lists each route's own bundle, raw and gzipped. Prints
 * figures; asserts nothing. Builds first unless given --no-build.
 * Usage: npx tsx bench/start.ts [runs=3] [--no-build]   (DATABASE_URL → the server; else PGlite)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildFunctions, FUNCTIONS_OUT } from '../scripts/build-functions';
import { primeCodeCache, START_MODES, startFirst200 } from './start-time';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const GOAL_MS = 300;
const GOAL_BYTES = 300 * 1000;

async function main() {
  const env: Record<string, string> = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {};
  if (!process.env.DATABASE_URL) {
    env.PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'start-bench-'));
    console.log('no DATABASE_URL: PGlite in a scratch folder (its first open migrates; the goal is for the server)');
  }
  if (!process.argv.includes('--no-build')) {
    const { ms } = await buildFunctions();
    console.log(`npm run build:functions: ${ms} ms`);
  }
  if (env.PGLITE_DIR) await startFirst200(START_MODES.tsx, env); // the one-time migration, not counted
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`start to first 200 on /api/health (median of ${runs}; timer starts at spawn), database ${process.env.DATABASE_URL ? 'server' : 'pglite'}:`);
  for (const [name, args] of Object.entries(START_MODES)) {
    const times: number[] = [];
    if (args === START_MODES['node (prebuilt, code cache)']) await primeCodeCache(env);
    for (let i = 0; i < runs; i++) times.push(await startFirst200(args, env));
    console.log(`  ${name.padEnd(28)} ${median(times).toFixed(0).padStart(6)} ms   runs ${times.map((t) => t.toFixed(0)).join(', ')}   (goal ≤ ${GOAL_MS} ms)`);
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
  const what: Record<string, string> = { 'server.js': 'the single-server host, every route', 'start.js': 'its launcher, with the code cache' };
  for (const s of sizes.filter((x) => !x.f.startsWith('api.'))) console.log(`  ${s.f.padEnd(56)} ${kB(s.raw)} raw ${kB(s.gz)} gzip   (${what[s.f] ?? ''})`);
  if (env.PGLITE_DIR) fs.rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
