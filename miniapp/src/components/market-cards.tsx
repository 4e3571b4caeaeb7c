import { Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { reviewQueue } from '../api/market-review'
import { MARKET_ROUTES } from '../lib/market-routes'
import { openPage } from '../lib/navigation'
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
  const [count, setCount] = useState<number | null>(null)
  const busy = useRef(false)
  const load = useRef(() => {})
  load.current = () => {
    if (busy.current) return // mount and first show together: one request
    busy.current = true
    reviewQueue()
      .then((q) => setCount(q.listings.length + q.jobs.length))
      .catch(() => setCount(null)) // a hint only; the page shows the real error
      .finally(() => {
        busy.current = false
      })
  }
  useEffect(() => load.current(), [])
  useDidShow(() => load.current())

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
