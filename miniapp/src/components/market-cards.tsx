import { Text } from '@tarojs/components'
import { reviewQueue } from '../api/market-review'
import { MARKET_ROUTES } from '../lib/market-routes'
import { openPage } from '../lib/navigation'
import { useHint } from '../lib/use-hint'
import { EntryCard } from './card'

/** 首页 · 帮我卖 / 找活干: only the way in; the pages live in pkg-market. */
export function MarketCard() {
  return (
    <EntryCard
      title="帮我卖 · 找活干"
      desc={<Text data-testid="home-market-text">卖自家的农产品，找附近的活</Text>}
      testId="home-market"
      onClick={() => openPage(MARKET_ROUTES.home)}
    />
  )
}

/** 首页 · 待审核 (院长, 村干部): how many listings and jobs wait for them. */
export function MarketReviewCard() {
  const queue = useHint(reviewQueue)
  const count = queue && queue.listings.length + queue.jobs.length

  return (
    <EntryCard
      title="待审核"
      badge={count || undefined}
      desc={
        <Text data-testid="home-market-review-text" data-count={count === null ? '' : String(count)}>
          {count === null ? '村民发布的商品和招工' : count ? `有 ${count} 条商品或招工等您审核` : '暂无待审核的商品和招工'}
        </Text>
      }
      testId="home-market-review"
      onClick={() => openPage(MARKET_ROUTES.review)}
    />
  )
}
