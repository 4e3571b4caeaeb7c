/** Page paths in one place (leading slash, as Taro navigation wants them). */
export const ROUTES = {
  home: '/pages/index/index',
  points: '/pages/points/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  join: '/pkg-courtyard/join/index',
  requests: '/pkg-courtyard/requests/index',
} as const

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.points, ROUTES.me]
