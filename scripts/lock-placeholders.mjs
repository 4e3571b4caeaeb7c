// Keeps package-lock.json acceptable to `npm ci` (runs as the root postinstall).
//
// Some packages list optional dependencies the registry cannot supply: NutUI's
// @jmfe/npm-usage-stats-tool (404) and @tarojs/binding's darwin / linux-arm64 / win32 builds of
// 4.2.1 (never published). npm 11.16+ leaves them out of the lock, then `npm ci` rejects that
// very lock ("Missing: @tarojs/binding-darwin-arm64@ from lock file", npm/cli#9846). npm 11.13
// wrote an inert placeholder for each, beside the package that wants it; this puts those back.
//
//   node scripts/lock-placeholders.mjs [--check] [lockfile]   --check: report, exit 1, write nothing
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const file = args.find((a) => !a.startsWith('--')) ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages ?? {};

/** Node's lookup from a package's folder: its own node_modules, then each ancestor's. */
function resolves(from, name) {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    if (packages[at ? `${at}/node_modules/${name}` : `node_modules/${name}`]) return true;
    if (!at) return false;
  }
}

const missing = [];
for (const [at, meta] of Object.entries(packages)) {
  for (const name of Object.keys(meta.optionalDependencies ?? {})) {
    if (!resolves(at, name)) missing.push({ at: at ? `${at}/node_modules/${name}` : `node_modules/${name}`, dev: meta.dev === true });
  }
}

if (check) {
  for (const m of missing) process.stderr.write(`package-lock.json lacks the placeholder ${m.at} (run: node scripts/lock-placeholders.mjs)\n`);
  process.exit(missing.length ? 1 : 0);
}
if (missing.length) {
  for (const m of missing) packages[m.at] = m.dev ? { dev: true, optional: true } : { optional: true };
  // npm's own order, so the next `npm install` rewrites nothing else
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  process.stdout.write(`package-lock.json: inert placeholders for ${missing.map((m) => m.at.split('node_modules/').pop()).join(', ')}\n`);
}
