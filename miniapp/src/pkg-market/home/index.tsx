import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { browseJobs, browseListings, type TJob, type TListing, type TListingCategory } from '../../api/market'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { Tabs } from '../../components/tabs'
import { Toggle } from '../../components/toggle'
import { MARKET_ROUTES, minePage } from '../../lib/market-routes'
import { reviewsMarket } from '../../lib/market-roles'
import { goToLogin, openPage } from '../../lib/navigation'
import { useMe } from '../../lib/use-me'
import { JobCard, ListingCard } from '../components/cards'
import { CATEGORY_KEYS, LISTING_CATEGORIES } from '../components/labels'
import '../components/market.scss'

type TTab = 'listings' | 'jobs'
type TFilter = { tab: TTab; category: TListingCategory | null; villageId: string | null }
type TItems = { tab: 'listings'; items: TListing[] } | { tab: 'jobs'; items: TJob[] }

const PAGE_SIZE = 20

/**
 * 帮我卖 / 找活干: what is on sale (村里推荐 first, by 品类, optionally only this village) and
 * the local jobs, a page at a time. 我要卖 / 我要招工 start a post; 我的 holds one's own posts,
 * intents and applications; heads and cadres also get 待审核.
 */
export default function MarketHomePage() {
  const { params } = useRouter()
  const { me } = useMe()
  const [filter, setFilter] = useState<TFilter>({ tab: params.tab === 'jobs' ? 'jobs' : 'listings', category: null, villageId: null })
  const [list, setList] = useState<TItems | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)
  const current = useRef(filter)
  current.current = filter

  const fetchPage = (f: TFilter, after: string | null) =>
    f.tab === 'listings'
      ? browseListings({ category: f.category ?? undefined, villageId: f.villageId ?? undefined }, after, PAGE_SIZE).then((p) => ({
          items: { tab: 'listings' as const, items: p.items },
          next: p.nextCursor,
        }))
      : browseJobs({ villageId: f.villageId ?? undefined }, after, PAGE_SIZE).then((p) => ({
          items: { tab: 'jobs' as const, items: p.items },
          next: p.nextCursor,
        }))

  const refresh = async (f: TFilter) => {
    if (!getToken()) return goToLogin()
    const gen = ++generation.current
    try {
      const page = await fetchPage(f, null)
      if (gen !== generation.current) return
      setList(page.items)
      setCursor(page.next)
      setError(null)
    } catch (err) {
      if (gen === generation.current) setError(toAppError(err))
    }
  }

  const loadMore = async () => {
    if (!cursor || loadingMore || !list) return
    const gen = generation.current
    setLoadingMore(true)
    try {
      const page = await fetchPage(current.current, cursor)
      if (gen !== generation.current) return
      setList((prev) => {
        if (!prev || prev.tab !== page.items.tab) return page.items
        const have = new Set(prev.items.map((i) => i.id))
        return { tab: prev.tab, items: [...prev.items, ...page.items.items.filter((i) => !have.has(i.id))] } as TItems
      })
      setCursor(page.next)
    } catch (err) {
      setError(toAppError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  const change = (f: TFilter) => {
    setFilter(f)
    setList(null)
    setCursor(null)
    void refresh(f)
  }

  useDidShow(() => {
    void refresh(current.current)
  })
  usePullDownRefresh(async () => {
    await refresh(current.current)
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void loadMore()
  })

  const village = me?.village ?? null
  const tab = filter.tab

  return (
    <View className="page mk-home">
      <Tabs
        options={[
          { value: 'listings', label: '帮我卖' },
          { value: 'jobs', label: '找活干' },
        ]}
        value={tab}
        onChange={(t) => change({ ...filter, tab: t })}
        testId="market-tab"
      />
      <View className="gap" />

      <View className="mk-row-buttons">
        <View className="mk-cell">
          {tab === 'listings' ? (
            <Button className="btn" type="primary" size="xlarge" block data-testid="market-sell" onClick={() => openPage(MARKET_ROUTES.listingEdit)}>
              我要卖
            </Button>
          ) : (
            <Button className="btn" type="primary" size="xlarge" block data-testid="market-hire" onClick={() => openPage(MARKET_ROUTES.jobEdit)}>
              我要招工
            </Button>
          )}
        </View>
        <View className="mk-cell">
          <Button
            className="btn"
            size="xlarge"
            block
            data-testid="market-mine"
            onClick={() => openPage(minePage(tab === 'listings' ? 'listings' : 'applications'))}
          >
            我的
          </Button>
        </View>
      </View>
      {me && reviewsMarket(me) ? (
        <Button className="btn" size="large" block data-testid="market-review" onClick={() => openPage(MARKET_ROUTES.review)}>
          待审核
        </Button>
      ) : null}

      {tab === 'listings' ? (
        <View className="chips" data-testid="market-categories" data-value={filter.category ?? ''}>
          <Text
            className={`chip ${filter.category === null ? 'chip--on' : ''}`}
            data-testid="market-category-all"
            onClick={() => filter.category !== null && change({ ...filter, category: null })}
          >
            全部
          </Text>
          {CATEGORY_KEYS.map((c) => (
            <Text
              key={c}
              className={`chip ${filter.category === c ? 'chip--on' : ''}`}
              data-testid={`market-category-${c}`}
              onClick={() => filter.category !== c && change({ ...filter, category: c })}
            >
              {LISTING_CATEGORIES[c]}
            </Text>
          ))}
        </View>
      ) : null}
      {village ? (
        <Toggle
          label={`只看${village.name}`}
          checked={filter.villageId === village.id}
          onChange={(on) => change({ ...filter, villageId: on ? village.id : null })}
          testId="market-village-only"
        />
      ) : null}

      <ErrorNotice error={error} testId="market-error" />
      {list === null && !error ? <Text className="muted">正在加载…</Text> : null}
      {list && !list.items.length ? (
        <Text className="xyj-empty" data-testid="market-empty">
          {list.tab === 'listings' ? '这里还没有在卖的东西。' : '现在没有招工。'}
        </Text>
      ) : null}
      {list?.tab === 'listings' ? list.items.map((l) => <ListingCard key={l.id} listing={l} />) : null}
      {list?.tab === 'jobs' ? list.items.map((j) => <JobCard key={j.id} job={j} />) : null}

      {cursor ? (
        <Button className="btn" size="large" block loading={loadingMore} data-testid="market-more" onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : list && list.items.length > 0 ? (
        <Text className="muted" style={{ textAlign: 'center' }}>
          没有更多了
        </Text>
      ) : null}
    </View>
  )
}
