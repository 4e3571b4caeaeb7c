import { Text, View } from '@tarojs/components'
import type { TJob, TListing } from '../../api/market'
import { MediaImage } from '../../components/media-image'
import { openPage } from '../../lib/navigation'
import { jobPage, listingPage } from '../../lib/market-routes'
import { datesText, employerText, JOB_STATES, LISTING_CATEGORIES, LISTING_STATES, payText, POST_TAG, priceText } from './labels'
import { StateTag } from '../../components/state-tag'

/** 「村里推荐」: a listing a cadre put at the top. */
export function FeaturedMark({ testId = 'listing-featured' }: { testId?: string }) {
  return (
    <Text className="mk-featured" data-testid={testId}>
      村里推荐
    </Text>
  )
}

/**
 * A listing in a list: the first photo, name, price per unit, what is left, where. `showState`
 * on the seller's own lists (草稿, 审核中 …); the public list only has ones on sale.
 */
export function ListingCard({ listing: l, showState, testId = 'market-listing' }: { listing: TListing; showState?: boolean; testId?: string }) {
  return (
    <View
      className={`mk-item ${l.featured ? 'mk-item--featured' : ''}`}
      data-testid={testId}
      data-id={l.id}
      data-state={l.state}
      data-featured={l.featured ? 'true' : 'false'}
      onClick={() => openPage(listingPage(l.id))}
    >
      <View className="mk-item__thumb">
        {l.photoIds.length ? <MediaImage id={l.photoIds[0]} testId={`${testId}-photo`} /> : <Text className="mk-item__noimg">暂无照片</Text>}
      </View>
      <View className="mk-item__body">
        <Text className="mk-item__title">{l.title}</Text>
        <Text className="mk-item__price" data-testid={`${testId}-price`}>
          {priceText(l)}
        </Text>
        <Text className="mk-item__meta">{`还剩 ${l.quantity}${l.unit} · ${l.village.name}${l.pickupNote ? ` · ${l.pickupNote}` : ''}`}</Text>
        <View className="mk-item__tags">
          {l.featured ? <FeaturedMark testId={`${testId}-featured`} /> : null}
          <Text className="mk-cat">{LISTING_CATEGORIES[l.category]}</Text>
          {showState ? <StateTag state={l.state} labels={LISTING_STATES} types={POST_TAG} /> : null}
        </View>
      </View>
    </View>
  )
}

/** A job in a list: what, pay per day/hour/piece, where and when, how many are still wanted. */
export function JobCard({ job: j, showState, testId = 'market-job' }: { job: TJob; showState?: boolean; testId?: string }) {
  const left = Math.max(0, j.headcount - j.accepted)
  return (
    <View className="mk-item" data-testid={testId} data-id={j.id} data-state={j.state} onClick={() => openPage(jobPage(j.id))}>
      <View className="mk-item__body">
        <Text className="mk-item__title">{j.title}</Text>
        <Text className="mk-item__price" data-testid={`${testId}-pay`}>
          {payText(j)}
        </Text>
        <Text className="mk-item__meta">{`${j.place} · ${datesText(j)}`}</Text>
        <Text className="mk-item__meta">{`${employerText(j)} · 招 ${j.headcount} 人${j.state === 'published' ? `，还差 ${left} 人` : ''}`}</Text>
        {showState ? (
          <View className="mk-item__tags">
            <StateTag state={j.state} labels={JOB_STATES} types={POST_TAG} />
          </View>
        ) : null}
      </View>
    </View>
  )
}
