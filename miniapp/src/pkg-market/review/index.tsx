import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { reviewQueue, type TJob, type TListing, type TReviewQueue } from '../../api/market'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { MediaImage } from '../../components/media-image'
import { formatTime } from '../../lib/format'
import { jobPage, listingPage } from '../../lib/market-routes'
import { reviewsMarket } from '../../lib/market-roles'
import { goToLogin, openPage } from '../../lib/navigation'
import { useMe } from '../../lib/use-me'
import { useLoadOnShow } from '../../lib/use-load-on-show'
import { datesText, employerText, LISTING_CATEGORIES, payText, priceText } from '../components/labels'
import { CheckFlag } from '../components/post-parts'
import { ReviewActions } from '../components/review-actions'
import '../components/market.scss'

/**
 * 待审核 (院长: their courtyard; 村干部: their village): listings and jobs waiting, each with
 * what matters to decide (photos, price, text, who posted, the content check's flag) and
 * 通过 / 退回 right there. A decided one leaves the list.
 */
export default function MarketReviewPage() {
  const { me } = useMe()
  const [queue, setQueue] = useState<TReviewQueue | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [done, setDone] = useState(0)

  const load = async () => {
    if (!getToken()) return goToLogin()
    try {
      setQueue(await reviewQueue())
      setError(null)
    } catch (err) {
      setError(toAppError(err))
    }
  }

  useLoadOnShow(load)

  const drop = (kind: 'listings' | 'jobs', id: string, toast: string) => {
    setQueue((q) => (q ? ({ ...q, [kind]: (q[kind] as { id: string }[]).filter((x) => x.id !== id) } as TReviewQueue) : q))
    setDone((n) => n + 1)
    Taro.showToast({ title: toast, icon: 'none', duration: 1500 })
  }
  const decided = (p: TListing | TJob) => (p.state === 'published' ? '已通过' : '已退回')

  const empty = queue && !queue.listings.length && !queue.jobs.length

  return (
    <View className="page mk-review-page">
      {me && !reviewsMarket(me) ? (
        <Text className="muted" data-testid="review-not-reviewer">
          院长和村干部在这里审核村民发布的商品和招工。
        </Text>
      ) : null}
      <ErrorNotice error={error} testId="review-error" />
      {!queue && !error ? <Text className="muted">正在加载…</Text> : null}
      {empty ? (
        <Text className="xyj-empty" data-testid="review-empty">
          {done ? `都审核完了，共 ${done} 条。` : '现在没有要审核的内容。'}
        </Text>
      ) : null}

      {queue?.listings.length ? <Text className="mk-section-title">{`商品（${queue.listings.length}）`}</Text> : null}
      {queue?.listings.map((l) => (
        <View key={l.id} className="mk-card" data-testid="review-listing" data-id={l.id}>
          <View className="mk-card__tags">
            <Text className="mk-cat">{LISTING_CATEGORIES[l.category]}</Text>
            <CheckFlag check={l.contentCheck} testId="review-listing-check" />
          </View>
          <Text className="mk-card__title" onClick={() => openPage(listingPage(l.id))}>
            {l.title}
          </Text>
          <Text className="mk-card__price">{priceText(l)}</Text>
          <Text className="mk-card__line">{`${l.quantity}${l.unit}${l.pickupNote ? ` · 取货：${l.pickupNote}` : ''}`}</Text>
          {l.photoIds.length ? (
            <View className="mk-photos">
              {l.photoIds.map((p) => (
                <MediaImage key={p} id={p} testId="review-listing-photo" />
              ))}
            </View>
          ) : (
            <Text className="mk-card__line muted">没有照片</Text>
          )}
          {l.description ? <Text className="mk-card__text">{l.description}</Text> : null}
          <Text className="mk-card__line">{`${l.seller.name} · ${l.courtyard.name} · ${formatTime(l.createdAt)}`}</Text>
          <ReviewActions kind="listing" post={l} onChanged={(x) => drop('listings', l.id, decided(x))} onConflict={() => void load()} />
        </View>
      ))}

      {queue?.jobs.length ? <Text className="mk-section-title">{`招工（${queue.jobs.length}）`}</Text> : null}
      {queue?.jobs.map((j) => (
        <View key={j.id} className="mk-card" data-testid="review-job" data-id={j.id}>
          <View className="mk-card__tags">
            <CheckFlag check={j.contentCheck} testId="review-job-check" />
          </View>
          <Text className="mk-card__title" onClick={() => openPage(jobPage(j.id))}>
            {j.title}
          </Text>
          <Text className="mk-card__price">{payText(j)}</Text>
          <Text className="mk-card__line">{`${j.place} · ${datesText(j)} · 招 ${j.headcount} 人`}</Text>
          {j.description ? <Text className="mk-card__text">{j.description}</Text> : null}
          <Text className="mk-card__line">{`${employerText(j)} · ${formatTime(j.createdAt)}`}</Text>
          <ReviewActions kind="job" post={j} onChanged={(x) => drop('jobs', j.id, decided(x))} onConflict={() => void load()} />
        </View>
      ))}
    </View>
  )
}
