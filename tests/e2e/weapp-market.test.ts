import fs from 'node:fs';
import path from 'node:path';

/**
 * 帮我卖 and 找活干 in the weapp build: one subpackage at the paths the notification templates
 * link to; 首页 and 我的 carry only the entries (and the 待审核 count), never the pages.
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

describe('the 帮我卖 / 找活干 subpackage', () => {
  it('has the pages the notifications link to', () => {
    expect(app.subPackages.find((s) => s.root === 'pkg-market')?.pages).toEqual([
      'home/index',
      'listing/index',
      'listing-edit/index',
      'job/index',
      'job-edit/index',
      'mine/index',
      'review/index',
    ]);
  });

  it('keeps the market pages and their API calls out of the main package', () => {
    const roots = app.subPackages.map((s) => path.join(out, s.root));
    const main = filesUnder(out, (p) => roots.includes(p))
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const id of ['listing-submit', 'intent-submit', 'intent-accept', 'work-submit', 'review-approve', '/api/intents/']) expect(main).not.toContain(id);
    expect(main).toContain('home-market'); // the entry on 首页
    expect(main).toContain('me-market'); // 我的买卖 on 我的
    const market = filesUnder(path.join(out, 'pkg-market'), () => false).filter((f) => f.endsWith('.js'));
    expect(market.map((f) => fs.readFileSync(f, 'utf8')).join('\n')).toContain('intent-submit');
  });
});
