/**
 * 帮我卖 and 找活干 page paths (kept apart from routes.ts, as request-routes.ts is, so parallel
 * work never edits the same file). The notification templates (shared/domain/
 * notification-templates.ts) link to listing, job, mine and review by these paths.
 */
export const MARKET_ROUTES = {
  /** 帮我卖 / 找活干: browse, `?tab=jobs` opens 找活干 */
  home: '/pkg-market/home/index',
  /** 商品详情 `?id=` */
  listing: '/pkg-market/listing/index',
  /** 我要卖: new without `id`, 修改 with `?id=` */
  listingEdit: '/pkg-market/listing-edit/index',
  /** 招工详情 `?id=` */
  job: '/pkg-market/job/index',
  /** 我要招工: new without `id`, 修改 with `?id=` */
  jobEdit: '/pkg-market/job-edit/index',
  /** 我的买卖 `?tab=listings|intents|jobs|applications` */
  mine: '/pkg-market/mine/index',
  /** 待审核 (院长, 村干部) */
  review: '/pkg-market/review/index',
} as const

export type TMineTab = 'listings' | 'intents' | 'jobs' | 'applications'

const q = (id: string) => `?id=${encodeURIComponent(id)}`

export const listingPage = (id: string) => `${MARKET_ROUTES.listing}${q(id)}`
export const listingEditPage = (id?: string) => (id ? `${MARKET_ROUTES.listingEdit}${q(id)}` : MARKET_ROUTES.listingEdit)
export const jobPage = (id: string) => `${MARKET_ROUTES.job}${q(id)}`
export const jobEditPage = (id?: string) => (id ? `${MARKET_ROUTES.jobEdit}${q(id)}` : MARKET_ROUTES.jobEdit)
export const minePage = (tab: TMineTab) => `${MARKET_ROUTES.mine}?tab=${tab}`
