import fs from 'node:fs';
import path from 'node:path';

/**
 * 消息 and the back office are subpackages: their code must stay out of the main package
 * (which every scan of a bin or invite QR downloads first) and be preloaded only where useful.
 */
const out = path.resolve(__dirname, '../../dist/weapp');
const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as {
  subPackages: { root: string; pages: string[] }[];
  preloadRule: Record<string, { packages: string[] }>;
};

function filesUnder(dir: string, skip: (p: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (skip(p)) return [];
    return e.isDirectory() ? filesUnder(p, skip) : [p];
  });
}

describe('the weapp subpackages', () => {
  it('lists 消息 and the back office as their own subpackages', () => {
    expect(app.subPackages).toEqual(
      expect.arrayContaining([
        { root: 'pkg-inbox', pages: ['inbox/index'] },
        { root: 'pkg-admin', pages: ['notifications/index'] },
      ]),
    );
  });

  it('preloads 消息 from 首页 and 我的 but never the back office', () => {
    expect(app.preloadRule['pages/index/index'].packages).toContain('pkg-inbox');
    expect(app.preloadRule['pages/me/index'].packages).toContain('pkg-inbox');
    for (const rule of Object.values(app.preloadRule)) expect(rule.packages).not.toContain('pkg-admin');
  });

  it('keeps the inbox and back-office pages out of the main package', () => {
    const roots = app.subPackages.map((s) => path.join(out, s.root));
    const mainJs = filesUnder(out, (p) => roots.includes(p)).filter((f) => f.endsWith('.js'));
    const main = mainJs.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(main).not.toContain('inbox-read-all');
    expect(main).not.toContain('notification-retry');
    // the badges that open them do live there
    expect(main).toContain('home-inbox');
  });
});
