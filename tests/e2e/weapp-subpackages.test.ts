import { mainPackageJs, readWeappApp, subpackageJs } from '../helpers/weapp-build';

/**
 * 消息, 积分 and the back office are subpackages: their code must stay out of the main package
 * (which every scan of a bin or invite QR downloads first) and be preloaded only where useful.
 */
const app = readWeappApp();

describe('the weapp subpackages', () => {
  const pagesOf = (root: string) => app.subPackages.find((s) => s.root === root)?.pages;

  it('lists 消息, 积分 and the back office as their own subpackages', () => {
    expect(pagesOf('pkg-inbox')).toEqual(['inbox/index']);
    expect(pagesOf('pkg-points')).toEqual(['shop/index', 'redemptions/index', 'household/index', 'leaderboard/index', 'board/index']);
    expect(pagesOf('pkg-admin')).toEqual(
      expect.arrayContaining(['notifications/index', 'handover/index', 'points-rules/index', 'rewards/index', 'points-adjust/index']),
    );
  });

  it('opens 扫码登录 (the page the back office’s mini-program code names) and 登录设备 from a subpackage of their own, never preloaded', () => {
    expect(pagesOf('pkg-account')).toEqual(['admin-login/index', 'devices/index']);
    for (const rule of Object.values(app.preloadRule)) expect(rule.packages).not.toContain('pkg-account');
    expect(mainPackageJs(app)).not.toContain('admin-login-confirm');
    expect(subpackageJs('pkg-account')).toContain('admin-login-confirm');
  });

  it('lists 找院长 and 一键呼叫 as one subpackage at the paths the notification templates link to, preloaded from 首页', () => {
    expect(pagesOf('pkg-request')).toEqual(['new/index', 'mine/index', 'detail/index', 'queue/index', 'stats/index', 'settings/index', 'sos/index']);
    expect(app.preloadRule['pages/index/index'].packages).toContain('pkg-request');
  });

  it('preloads 消息 from 首页 and 我的 and 积分 from its tab, but never the back office', () => {
    expect(app.preloadRule['pages/index/index'].packages).toContain('pkg-inbox');
    expect(app.preloadRule['pages/me/index'].packages).toContain('pkg-inbox');
    expect(app.preloadRule['pages/points/index'].packages).toEqual(['pkg-points']);
    for (const rule of Object.values(app.preloadRule)) expect(rule.packages).not.toContain('pkg-admin');
  });

  it('declares WeChat’s 同声传译 plugin for 找院长 only, and keeps 「按住说话」 out of the main package', () => {
    const pkg = app.subPackages.find((s) => s.root === 'pkg-request')!;
    expect(pkg.plugins?.WechatSI).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/), provider: 'wx069ba97219f66d99' });
    expect(app.plugins).toBeUndefined();
    // (the main package does hold the app config, which names the plugin)
    expect(mainPackageJs(app)).not.toContain('requirePlugin("WechatSI")');
    expect(mainPackageJs(app)).not.toContain('getRecordRecognitionManager');
    expect(subpackageJs('pkg-request')).toContain('requirePlugin("WechatSI")');
    expect(subpackageJs('pkg-request')).toContain('getRecordRecognitionManager');
    expect(subpackageJs('pkg-request')).toContain('request-voice');
  });

  it('keeps the inbox, points and back-office pages (and the QR generator) out of the main package', () => {
    const main = mainPackageJs(app);
    expect(main).not.toContain('inbox-read-all');
    expect(main).not.toContain('notification-retry');
    expect(main).not.toContain('reward-redeem');
    expect(main).not.toContain('handover-submit');
    expect(main).not.toContain('getModuleCount'); // qrcode-generator
    expect(main).not.toContain('request-accept'); // 找院长 pages stay in pkg-request
    expect(main).not.toContain('sos-ack');
    expect(main).toContain('home-sos'); // the 一键呼叫 button itself is on 首页
    // the badges and the 积分 tab that open them do live there
    expect(main).toContain('home-inbox');
    expect(main).toContain('points-balance');
    expect(subpackageJs('pkg-points')).toContain('getModuleCount');
  });
});
