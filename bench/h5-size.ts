/**
 * bench/h5-size: what the H5 build (dist/h5, built beforehand: npm run build:h5, which also
 * writes the .br files the host serves) makes a browser download.
 *
 * - First load per page of app.config: every page route is opened in headless Chromium (cold
 *   cache, a token in storage, /api/* left unanswered so no page redirects or loads more after
 *   data), and the .js/.css files it requests are summed as they are on disk: raw, and as the
 *   host serves them to a browser that accepts brotli (file.br, or the file when precompress
 *   wrote none). So the figure is the entry plus the page's chunk and its split chunks, measured
 *   on the real chunk graph rather than derived from it. Also the union: every page visited
 *   once with one cache, which is where code shared between pages pays off.
 * - Total JS and duplicate bytes: each chunk's module table is parsed (TypeScript's parser); a
 *   module id found in several chunks counts every copy but the largest as duplicate.
 *
 * Usage: npx tsx bench/h5-size.ts [dir=dist/h5] [--before=<dir of an earlier build>] [--list]
 * With --before both builds are measured in the same run and printed as before → after.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import ts from 'typescript';

const args = process.argv.slice(2);
const AFTER = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '../dist/h5'));
const beforeArg = args.find((a) => a.startsWith('--before='));
const BEFORE = beforeArg ? path.resolve(beforeArg.slice('--before='.length)) : undefined;
const list = args.includes('--list');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** No new .js/.css request for this long after the last one finished: the page has all it needs. */
const QUIET_MS = 1000;

type TSize = { raw: number; br: number };
type TPageLoad = TSize & { requests: number; files: string[]; failed: string[] };
type TBuild = {
  dir: string;
  js: TSize & { files: number };
  css: TSize & { files: number };
  /** bytes of module code present in more than one chunk, beyond one copy each */
  duplicate: number;
  modules: number;
  pages: Map<string, TPageLoad>;
};

/** Every page of app.config.ts, main package first, as the H5 router's hash paths. */
async function appPages(): Promise<string[]> {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  type TAppConfig = { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  const config = ((await import('../miniapp/src/app.config')) as unknown as { default: TAppConfig }).default;
  return [...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

/** A file's bytes raw and as served with brotli (the host sends file.br when it exists). */
function sizeOf(dir: string, rel: string): TSize {
  const file = path.join(dir, rel);
  const raw = fs.statSync(file).size;
  return { raw, br: fs.existsSync(file + '.br') ? fs.statSync(file + '.br').size : raw };
}

function assetsOf(dir: string, sub: 'js' | 'css'): string[] {
  const ext = `.${sub}`;
  return fs
    .readdirSync(path.join(dir, sub))
    .filter((f) => f.endsWith(ext))
    .map((f) => `${sub}/${f}`);
}

function total(dir: string, files: string[]): TSize & { files: number } {
  return files.reduce((s, f) => ({ ...s, raw: s.raw + sizeOf(dir, f).raw, br: s.br + sizeOf(dir, f).br }), { raw: 0, br: 0, files: files.length });
}

/**
 * Module id → byte size of its code, for one emitted chunk. Webpack writes modules as an object
 * literal keyed by module id whose values are functions: in `push([[ids], {…}])` for a chunk, in
 * the runtime's module table for the entry. The outermost such object literals are the tables.
 */
function modulesOf(file: string): Map<string, number> {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const out = new Map<string, number>();
  const isTable = (n: ts.Node): n is ts.ObjectLiteralExpression =>
    ts.isObjectLiteralExpression(n) &&
    n.properties.length > 0 &&
    n.properties.every(
      (p) =>
        ts.isPropertyAssignment(p) &&
        (ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) &&
        (ts.isFunctionExpression(p.initializer) || ts.isArrowFunction(p.initializer)),
    );
  const visit = (n: ts.Node): void => {
    if (isTable(n)) {
      for (const p of n.properties) out.set((p.name as ts.StringLiteral | ts.NumericLiteral).text, p.end - p.getStart(src));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

function duplicates(dir: string, jsFiles: string[]): { duplicate: number; modules: number } {
  const copies = new Map<string, number[]>();
  for (const f of jsFiles) {
    for (const [id, bytes] of modulesOf(path.join(dir, f))) copies.set(id, [...(copies.get(id) ?? []), bytes]);
  }
  let duplicate = 0;
  for (const sizes of copies.values()) duplicate += sizes.reduce((a, b) => a + b, 0) - Math.max(...sizes);
  return { duplicate, modules: copies.size };
}

/** The build as a static site (index.html for /), with /api/* requests held open and never answered. */
async function serve(dir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      held.add(res);
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const res of held) res.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Opens one page route in a fresh context (cold cache) and lists the .js/.css it fetched. */
async function loadPage(browser: Browser, base: string, dir: string, page: string): Promise<TPageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  // signed in as far as the client can tell (Taro's setStorageSync shape); the API never answers
  await context.addInitScript(() => localStorage.setItem('xyj.token', JSON.stringify({ data: 'bench' })));
  const tab = await context.newPage();
  const files = new Set<string>();
  const failed: string[] = [];
  let pending = 0;
  let lastChange = performance.now();
  const isAsset = (url: string) => /\.(js|css)$/.test(new URL(url).pathname);
  tab.on('request', (r) => {
    if (!isAsset(r.url())) return;
    pending++;
    lastChange = performance.now();
  });
  const settle = (ok: boolean) => (r: { url: () => string }) => {
    if (!isAsset(r.url())) return;
    pending--;
    lastChange = performance.now();
    const rel = new URL(r.url()).pathname.replace(/^\/+/, '');
    if (ok && fs.existsSync(path.join(dir, rel))) files.add(rel);
    else failed.push(rel);
  };
  tab.on('requestfinished', settle(true));
  tab.on('requestfailed', settle(false));
  await tab.goto(`${base}/#/${page}`, { waitUntil: 'load' });
  while (pending > 0 || performance.now() - lastChange < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
  await context.close();
  const sizes = [...files].map((f) => sizeOf(dir, f));
  return {
    raw: sizes.reduce((s, x) => s + x.raw, 0),
    br: sizes.reduce((s, x) => s + x.br, 0),
    requests: files.size,
    files: [...files].sort(),
    failed,
  };
}

async function measure(browser: Browser, dir: string, pages: string[]): Promise<TBuild> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}: no H5 build (npm run build:h5)`);
  const jsFiles = assetsOf(dir, 'js');
  const site = await serve(dir);
  const loads = new Map<string, TPageLoad>();
  try {
    for (const p of pages) loads.set(p, await loadPage(browser, site.base, dir, p));
  } finally {
    await site.close();
  }
  return { dir, js: total(dir, jsFiles), css: total(dir, assetsOf(dir, 'css')), ...duplicates(dir, jsFiles), pages: loads };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

async function main() {
  const pages = await appPages();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  let before: TBuild | undefined;
  let after: TBuild;
  try {
    before = BEFORE ? await measure(browser, BEFORE, pages) : undefined;
    after = await measure(browser, AFTER, pages);
  } finally {
    await browser.close();
  }
  const both = (f: (b: TBuild) => string) => (before ? `${f(before)} → ${f(after)}` : f(after));

  console.log(before ? `H5 build: before ${before.dir} → after ${after.dir}` : `H5 build: ${after.dir}`);
  console.log('bytes of the files on disk: raw, and brotli as the host serves them (file.br); KB = 1024 bytes');
  console.log(`JS:  ${both((b) => `${b.js.files} files, ${kb(b.js.raw)} raw / ${kb(b.js.br)} br`)}`);
  console.log(`CSS: ${both((b) => `${b.css.files} files, ${kb(b.css.raw)} raw / ${kb(b.css.br)} br`)}`);
  console.log(`duplicate module code in JS: ${both((b) => `${kb(b.duplicate)} (${pct(b.duplicate, b.js.raw)} of JS, ${b.modules} distinct modules)`)}`);
  console.log(`\nfirst load per page (JS + CSS fetched by headless Chromium opening the route, cold cache)`);
  const w = Math.max(...pages.map((p) => p.length));
  console.log(`${'page'.padEnd(w)}  ${'raw'.padStart(before ? 18 : 8)}  ${'brotli'.padStart(before ? 18 : 8)}  ${'files'.padStart(before ? 8 : 5)}`);
  const col = (f: (l: TPageLoad) => number, fmt: (n: number) => string, width: number) => (p: string) =>
    (before ? `${fmt(f(before.pages.get(p)!))} → ${fmt(f(after.pages.get(p)!))}` : fmt(f(after.pages.get(p)!))).padStart(before ? width * 2 + 3 : width);
  const raw = col((l) => l.raw, kb, 8);
  const br = col((l) => l.br, kb, 8);
  const n = col((l) => l.requests, String, 3);
  for (const p of pages) console.log(`${p.padEnd(w)}  ${raw(p)}  ${br(p)}  ${n(p).padStart(before ? 8 : 5)}`);
  const median = (b: TBuild, f: (l: TPageLoad) => number) => [...b.pages.values()].map(f).sort((x, y) => x - y)[Math.floor(b.pages.size / 2)];
  const max = (b: TBuild, f: (l: TPageLoad) => number) => Math.max(...[...b.pages.values()].map(f));
  console.log(`median page: ${both((b) => `${kb(median(b, (l) => l.raw))} raw / ${kb(median(b, (l) => l.br))} br`)}`);
  console.log(`largest page: ${both((b) => `${kb(max(b, (l) => l.raw))} raw / ${kb(max(b, (l) => l.br))} br`)}`);
  const visitAll = (b: TBuild) => {
    const files = new Set([...b.pages.values()].flatMap((l) => l.files));
    const sizes = [...files].map((f) => sizeOf(b.dir, f));
    return `${kb(sizes.reduce((s, x) => s + x.raw, 0))} raw / ${kb(sizes.reduce((s, x) => s + x.br, 0))} br in ${files.size} files`;
  };
  console.log(`every page once, one cache: ${both(visitAll)}`);
  for (const b of before ? [before, after] : [after]) {
    for (const [p, l] of b.pages) if (l.failed.length) console.log(`! ${b.dir} ${p}: failed ${l.failed.join(', ')}`);
  }
  if (list) {
    for (const b of before ? [before, after] : [after]) {
      console.log(`\n${b.dir}: files per page`);
      for (const [p, l] of b.pages) console.log(`${p}: ${l.files.join(' ')}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
