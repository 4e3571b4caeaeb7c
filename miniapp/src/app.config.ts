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
      // 后台 for village cadres (also read on a desktop through the H5 build): not preloaded.
      root: 'pkg-admin',
      pages: ['notifications/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pkg-courtyard', 'pkg-inbox'] },
    'pages/me/index': { network: 'all', packages: ['pkg-inbox'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f8a4c',
    navigationBarTitleText: '小院家',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f5',
  },
  tabBar: {
    color: '#5b6270',
    selectedColor: '#1f8a4c',
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
})
