/** Page paths in one place (leading slash, as Taro navigation wants them). */
export const ROUTES = {
  home: '/pages/index/index',
  points: '/pages/points/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  join: '/pkg-courtyard/join/index',
  requests: '/pkg-courtyard/requests/index',
  inbox: '/pkg-inbox/inbox/index',
  adminNotifications: '/pkg-admin/notifications/index',
  shop: '/pkg-points/shop/index',
  redemptions: '/pkg-points/redemptions/index',
  householdPoints: '/pkg-points/household/index',
  leaderboard: '/pkg-points/leaderboard/index',
  board: '/pkg-points/board/index',
  handover: '/pkg-admin/handover/index',
  pointsRules: '/pkg-admin/points-rules/index',
  rewardsAdmin: '/pkg-admin/rewards/index',
  pointsAdjust: '/pkg-admin/points-adjust/index',
  // 用户协议, 隐私政策, asked again after an update, 我的数据 (download, 注销), and the cadre's 注销申请
  terms: '/pkg-privacy/terms/index',
  policy: '/pkg-privacy/policy/index',
  consent: '/pkg-privacy/consent/index',
  myData: '/pkg-privacy/my-data/index',
  deletions: '/pkg-admin/deletions/index',
  // 扫码登录管理后台 (the back office's QR opens it) and 登录设备
  adminLogin: '/pkg-account/admin-login/index',
  devices: '/pkg-account/devices/index',
} as const

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.points, ROUTES.me]

/**
 * A link from a message (e.g. '/pkg-courtyard/requests/index', '/pages/me/index'): only a
 * page path of this app is followed, never a web address.
 */
export function isAppPage(link: string | null | undefined): link is string {
  return typeof link === 'string' && /^\/(pages|pkg-[a-z-]+)\/[\w/-]+(\?.*)?$/.test(link)
}
