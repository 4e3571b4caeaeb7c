import { mainPackageJs, readWeappApp, subpackageJs } from '../helpers/weapp-build';

/**
 * 帮我卖 and 找活干 in the weapp build: one subpackage at the paths the notification templates
 * link to; 首页 and 我的 carry only the entries (and the 待审核 count), never the pages.
 */
const app = readWeappApp();

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
    const main = mainPackageJs(app);
    for (const id of ['listing-submit', 'intent-submit', 'intent-accept', 'work-submit', 'review-approve', '/api/intents/']) expect(main).not.toContain(id);
    expect(main).toContain('home-market'); // the entry on 首页
    expect(main).toContain('me-market'); // 我的买卖 on 我的
    expect(subpackageJs('pkg-market')).toContain('intent-submit');
  });
});
