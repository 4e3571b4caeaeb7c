export default defineAppConfig({
  // The first page is the launch page; it sends people without a session to 登录.
  pages: ['pages/index/index', 'pages/points/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    {
      // 加入院落 (opened from the invite QR) and the head's 入院申请: kept out of the main package.
      root: 'pkg-courtyard',
      pages: ['join/index', 'requests/index'],
    },
    {
      // 消息: opened from the badges on 首页 and 我的, so it is preloaded from both.
      root: 'pkg-inbox',
      pages: ['inbox/index'],
    },
    {
      // 扫码报满: every bin's QR opens this page directly, so it is a package of its own and tiny.
      root: 'pkg-scan',
      pages: ['bin/index'],
    },
    {
      // 清运任务 for 保洁员: the route, the map, on-site confirmation by scan.
      root: 'pkg-clean',
      pages: ['tasks/index'],
    },
    {
      // 积分超市, 我的兑换 (pickup codes as QR), 户积分, 排行榜 and the 挂榜 screen: preloaded from
      // the 积分 tab, which itself stays a light page in the main package.
      root: 'pkg-points',
      pages: ['shop/index', 'redemptions/index', 'household/index', 'leaderboard/index', 'board/index'],
    },
    {
      // 找院长 (form, 我的事项, detail with thread and timeline, 待办事项, 统计, 时限设置) and the
      // 一键呼叫 page. The notification templates link to detail/index and sos/index; preloaded
      // from 首页, where the SOS button and 找院长 live, so an SOS page opens at once.
      root: 'pkg-request',
      pages: ['new/index', 'mine/index', 'detail/index', 'queue/index', 'stats/index', 'settings/index', 'sos/index'],
      // 「按住说话」 (platform/voice-wechat.ts): WeChat's 同声传译 plugin, declared here and not for the
      // whole app so its code downloads with 找院长, not with every bin scan. It must also be added
      // to the mini-program in 公众平台 (设置 → 第三方设置 → 插件管理); without it the button hides.
      plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } },
    },
    {
      // 帮我卖 and 找活干: browse, detail (listing/index, job/index), the forms, 我的买卖 and
      // 待审核. The notification templates link to listing, job, mine and review.
      root: 'pkg-market',
      pages: ['home/index', 'listing/index', 'listing-edit/index', 'job/index', 'job-edit/index', 'mine/index', 'review/index'],
    },
    {
      // 后台 for village staff (also read on a desktop through the H5 build): not preloaded.
      // 通知发送情况; 凭码发放 (店员, 村干部); 积分规则 and 商品 (村干部); 人工加减分 (院长, 村干部).
      root: 'pkg-admin',
      pages: [
        'notifications/index',
        'handover/index',
        'points-rules/index',
        'rewards/index',
        'points-adjust/index',
        // 垃圾桶 (村干部): list, 新增/修改, 批量导入, 统计, 二维码贴纸
        'bins/index',
        'bins-edit/index',
        'bins-import/index',
        'bins-stats/index',
        'bins-stickers/index',
        // 注销申请 (村干部)
        'deletions/index',
      ],
    },
    {
      // 扫码登录 (the back office's QR opens admin-login with its scene) and 我的 · 登录设备
      root: 'pkg-account',
      pages: ['admin-login/index', 'devices/index'],
    },
    {
      // 用户协议, 隐私政策 (opened from the login page, before sign-in), 协议更新 (asked again) and 我的数据
      root: 'pkg-privacy',
      pages: ['terms/index', 'policy/index', 'consent/index', 'my-data/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pkg-courtyard', 'pkg-inbox', 'pkg-scan', 'pkg-request'] },
    'pages/me/index': { network: 'all', packages: ['pkg-inbox'] },
    'pages/points/index': { network: 'all', packages: ['pkg-points'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1a7a43', // $color-brand (tokens.scss): white on it 5.4:1
    navigationBarTitleText: '小院家',
    navigationBarTextStyle: 'white',
    // WeChat draws this bar anyway; Taro's H5 build draws its own (title, 返回 or 首页) only when
    // the style is named. Issue 14: H5 sub-pages had neither title nor a way back. Restyled
    // for elderly readers in app.scss.
    navigationStyle: 'default',
    backgroundColor: '#f4f6f5',
  },
  tabBar: {
    color: '#5b6270',
    selectedColor: '#1a7a43', // $color-brand; color is $color-text-muted (6.1:1). WeChat's own tab bar fixes the label size
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tab/points.png',
        selectedIconPath: 'assets/tab/points-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // 清运任务 starts the cleaner's route where they stand (wx.getLocation must be declared).
  // chooseLocation: the bin editor's 在地图上选位置 (WeChat's own map chooser)
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // WeChat's 隐私授权: privacy APIs wait for wx.onNeedPrivacyAuthorization's answer (platform/privacy.ts)
  __usePrivacyCheck__: true,
  permission: { 'scope.userLocation': { desc: '用于从您所在的位置规划清运路线、记录垃圾桶的位置' } },
})
