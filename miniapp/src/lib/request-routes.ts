/**
 * 找院长 and 一键呼叫 page paths (kept apart from routes.ts, as bin-routes.ts is, so parallel
 * work never edits the same file). The notification templates (shared/domain/
 * notification-templates.ts) link to the detail and sos pages by these paths.
 */
export const REQUEST_ROUTES = {
  /** 找院长: the form */
  new: '/pkg-request/new/index',
  /** 我的事项 */
  mine: '/pkg-request/mine/index',
  /** 事项详情 `?id=` */
  detail: '/pkg-request/detail/index',
  /** 待办事项 (院长, 村干部, 镇街) */
  queue: '/pkg-request/queue/index',
  /** 找院长统计 `?villageId=` or `?townshipId=` */
  stats: '/pkg-request/stats/index',
  /** 时限设置 `?villageId=` (村干部) */
  settings: '/pkg-request/settings/index',
  /** 一键呼叫 `?id=` (the caller and those who answer) */
  sos: '/pkg-request/sos/index',
} as const

export function requestPage(id: string): string {
  return `${REQUEST_ROUTES.detail}?id=${encodeURIComponent(id)}`
}

export function sosPage(id: string): string {
  return `${REQUEST_ROUTES.sos}?id=${encodeURIComponent(id)}`
}
