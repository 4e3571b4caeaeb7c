import fs from 'node:fs';
import path from 'node:path';

/**
 * No offline validator for weapp output exists (miniprogram-ci needs WeChat's servers), so the
 * build output itself is checked: the pages app.json lists exist, and the packages fit.
 */
const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist/weapp');

function sizeOf(dir: string, skip: string[] = []): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (skip.includes(p)) continue;
    total += e.isDirectory() ? sizeOf(p, skip) : fs.statSync(p).size;
  }
  return total;
}

describe('the weapp build', () => {
  const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
    subpackages?: { root: string; pages: string[] }[];
    tabBar?: { list: { pagePath: string }[] };
  };
  const subs = app.subPackages ?? app.subpackages ?? [];

  it('lists the tabs, sign-in and the courtyard subpackage, and every listed page was built', () => {
    expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/points/index', 'pages/me/index', 'pages/login/index']));
    expect(app.tabBar?.list.map((t) => t.pagePath)).toEqual(['pages/index/index', 'pages/points/index', 'pages/me/index']);
    const all = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
    expect(all).toEqual(expect.arrayContaining(['pkg-courtyard/join/index', 'pkg-courtyard/requests/index']));
    for (const page of all) for (const ext of ['.js', '.json', '.wxml']) expect(fs.existsSync(path.join(out, page + ext))).toBe(true);
  });

  it('keeps the main package under 1 MB and each subpackage under WeChat’s 2 MB cap', () => {
    const subDirs = subs.map((s) => path.join(out, s.root));
    const main = sizeOf(out, subDirs);
    expect(main).toBeLessThan(1024 * 1024);
    for (const dir of subDirs) expect(sizeOf(dir)).toBeLessThan(2 * 1024 * 1024);
  });

  it('calls the https API address it was built with, never the local development server', () => {
    // the address scripts/test.mjs builds with (a release build refuses anything but https)
    const js = fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    expect(js).toContain('"https://api.xiaoyuanjia.example"');
    expect(js).not.toContain('localhost:3000');
  });

  it('is what the root project.config.json opens in WeChat DevTools', () => {
    const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
    expect(path.resolve(root, project.miniprogramRoot)).toBe(out);
    expect(project.compileType).toBe('miniprogram');
  });
});
