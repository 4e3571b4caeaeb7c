import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { closeListing, featureListing, getListing, listingIntents, submitListing, type TIntent, type TListing } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { MediaImage } from '../../components/media-image'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { listingEditPage, minePage } from '../../lib/market-routes'
import { openPage } from '../../lib/navigation'
import { useAction } from '../../lib/use-action'
import { useDetail } from '../../lib/use-detail'
import { useMe } from '../../lib/use-me'
import { FeaturedMark } from '../components/cards'
import { CONTACT_PREFS, LISTING_CATEGORIES, LISTING_STATES, POST_TAG, priceText } from '../components/labels'
import { CheckFlag, OwnerButtons, postAnswer, PostNotes, submitToast } from '../components/post-parts'
import { ReviewActions } from '../components/review-actions'
import { IntentForm } from './intent-form'
import { SellerIntents } from './seller-intents'
import { StateTag } from '../../components/state-tag'
import '../components/market.scss'

/**
 * 商品详情: photos, price per unit, what is left, where to pick it up, the seller's name (never
 * their phone here). Buyers send 我想要; the seller sees the intents and answers them and has
 * the buttons the server allows (`can`): 修改, 提交审核, 标记售完, 下架; reviewers 通过/退回;
 * cadres 村里推荐.
 */
export default function ListingPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const [intents, setIntents] = useState<TIntent[] | null>(null)
  const [sent, setSent] = useState<TIntent | null>(null)
  const {
    item: listing,
    setItem: setListing,
    error,
    load,
    reloadSide,
  } = useDetail({
    id,
    notFound: '没有找到这件商品',
    get: getListing,
    side: async (l, current) => {
      if (!l.mine) return
      const res = await listingIntents(l.id)
      if (current()) setIntents(res.items)
    },
  })

  const submit = useAction('listing-submit', (listingId: string, key: string) => submitListing(listingId, key))
  const close = useAction('listing-close', (i: { id: string; state: 'sold_out' | 'closed' }, key: string) => closeListing(i.id, i.state, key))
  const feature = useAction('listing-feature', (i: { id: string; featured: boolean }, key: string) => featureListing(i.id, i.featured, key))
  const actions = [submit, close, feature]
  const busy = actions.some((a) => a.busy)
  const actionError = actions.find((a) => a.error)?.error ?? null

  const after = postAnswer<TListing>({ setItem: setListing, load, then: reloadSide })

  const onSubmit = async (l: TListing) => {
    const res = await submit.run(l.id)
    after(res, submitToast(res))
  }

  const onClose = async (l: TListing, state: 'sold_out' | 'closed') => {
    const answer = await Taro.showModal({
      title: state === 'sold_out' ? '标记售完' : '下架',
      content: `${state === 'sold_out' ? '标记售完' : '下架'}后大家就看不到这件商品了，还没回复的意向会一并婉拒。确定吗？`,
      confirmText: '确定',
      cancelText: '再想想',
    })
    if (answer.confirm) after(await close.run({ id: l.id, state }), state === 'sold_out' ? '已标记售完' : '已下架')
  }

  const onFeature = async (l: TListing) => after(await feature.run({ id: l.id, featured: !l.featured }), l.featured ? '已取消推荐' : '已设为村里推荐')

  const onDecided = (i: TIntent) => {
    setIntents((list) => (list ?? []).map((x) => (x.id === i.id ? i : x)))
    Taro.showToast({ title: i.state === 'accepted' ? '已接受，买家能看到您的电话了' : '已婉拒', icon: 'none', duration: 2000 })
    void load() // what is left changed
  }

  const l = listing

  return (
    <View className="page mk-listing">
      <ErrorNotice error={error} testId="listing-error" />
      {!l && !error ? <Text className="muted">正在加载…</Text> : null}

      {l ? (
        <>
          <View className="mk-card" data-testid="listing-detail" data-id={l.id} data-state={l.state} data-featured={l.featured ? 'true' : 'false'}>
            <View className="mk-card__tags">
              {l.featured ? <FeaturedMark /> : null}
              <View data-testid="listing-state" data-state={l.state}>
                <StateTag state={l.state} labels={LISTING_STATES} types={POST_TAG} />
              </View>
              <Text className="mk-cat">{LISTING_CATEGORIES[l.category]}</Text>
              {l.mine || l.can.review ? <CheckFlag check={l.contentCheck} testId="listing-content-check" /> : null}
            </View>
            <Text className="mk-card__title" data-testid="listing-title-view">
              {l.title}
            </Text>
            <Text className="mk-card__price" data-testid="listing-price-view">
              {priceText(l)}
            </Text>
            <Text className="mk-card__line" data-testid="listing-left" data-quantity={String(l.quantity)}>
              {`还剩 ${l.quantity}${l.unit}`}
            </Text>
            {l.photoIds.length ? (
              <View className="mk-photos">
                {l.photoIds.map((p) => (
                  <MediaImage key={p} id={p} testId="listing-photo" />
                ))}
              </View>
            ) : null}
            {l.description ? <Text className="mk-card__text">{l.description}</Text> : null}
            {l.pickupNote ? <Text className="mk-card__line" data-testid="listing-pickup-view">{`取货：${l.pickupNote}`}</Text> : null}
            <Text className="mk-card__line" data-testid="listing-seller">
              {`卖家：${l.seller.name} · ${l.village.name}${l.courtyard.name ? ` ${l.courtyard.name}` : ''}`}
            </Text>
            <Text className="mk-card__line">{`联系方式：${CONTACT_PREFS[l.contactPref]}（卖家接受意向后才显示电话）`}</Text>
            <Text className="mk-card__line muted">{`发布于 ${formatTime(l.publishedAt ?? l.createdAt)}`}</Text>
            <PostNotes kind="listing" post={l} />
          </View>

          <ErrorNotice error={actionError} testId="listing-action-error" />

          {l.can.review ? (
            <ReviewActions
              kind="listing"
              post={l}
              onChanged={(x) => after({ ok: true, value: x }, x.state === 'published' ? '已通过，已上架' : '已退回')}
              onConflict={() => void load()}
            />
          ) : null}

          {l.can.feature ? (
            <Button className="btn" size="xlarge" block loading={feature.busy} disabled={busy} data-testid="listing-feature" onClick={() => void onFeature(l)}>
              {l.featured ? '取消村里推荐' : '设为村里推荐'}
            </Button>
          ) : null}

          <OwnerButtons
            kind="listing"
            post={l}
            busy={busy}
            submitting={submit.busy}
            onEdit={() => openPage(listingEditPage(l.id))}
            onSubmit={() => void onSubmit(l)}
          />

          {sent ? (
            <View className="mk-good" data-testid="intent-sent">
              <Text>{`已发给卖家：要 ${sent.quantity}${l.unit}。卖家接受后，在「我的意向」里能看到卖家电话。`}</Text>
              <Button className="btn btn-small" size="large" block data-testid="intent-sent-mine" onClick={() => openPage(minePage('intents'))}>
                看我的意向
              </Button>
            </View>
          ) : l.can.intend ? (
            <IntentForm listing={l} defaultPhone={me?.person.phone} onSent={setSent} onConflict={() => void load()} />
          ) : null}

          {l.mine && (l.state === 'published' || intents?.length) ? (
            <SellerIntents items={intents} onDecided={onDecided} onConflict={() => void load()} />
          ) : null}

          {l.can.close ? (
            <View className="mk-row-buttons">
              {l.state === 'published' ? (
                <View className="mk-cell">
                  <Button
                    className="btn"
                    size="large"
                    block
                    loading={close.busy}
                    disabled={busy}
                    data-testid="listing-sold-out"
                    onClick={() => void onClose(l, 'sold_out')}
                  >
                    标记售完
                  </Button>
                </View>
              ) : null}
              <View className="mk-cell">
                <Button className="btn" size="large" block disabled={busy} data-testid="listing-close" onClick={() => void onClose(l, 'closed')}>
                  下架
                </Button>
              </View>
            </View>
          ) : null}

          {l.mine ? (
            <Text className="mk-link" data-testid="listing-to-mine" onClick={() => openPage(minePage('listings'))}>
              我的商品 ›
            </Text>
          ) : null}
        </>
      ) : null}
    </View>
  )
}
