import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { createListing, getListing, submitListing, updateListing, type TListing, type TListingInput } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { MediaImage } from '../../components/media-image'
import { Button } from '../../components/nut'
import { PhotoPicker, usePhotos } from '../../components/photo-picker'
import { Tabs } from '../../components/tabs'
import { listingPage, minePage } from '../../lib/market-routes'
import { parseYuan, formatFen } from '../../lib/money'
import { openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { useMe } from '../../lib/use-me'
import { Chips, EditGate, EditResult } from '../components/edit-parts'
import { CATEGORY_KEYS, CONTACT_PREFS, LISTING_CATEGORIES, UNIT_CHOICES, UNIT_MAX } from '../components/labels'
import { usePostEdit } from '../components/use-post-edit'
import { EMPTY_LISTING_FORM, LISTING_LIMITS, listingFormOf, listingInputOf, type TListingForm } from './form'
import '../components/market.scss'

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })

/**
 * 我要卖 (no id) / 修改 (`?id=`): name, 品类, a few words, photos (up to 6, uploaded while the
 * person types), price in 元 (sent as fen), unit, how many, where to pick up, how to be
 * contacted. 保存草稿 keeps it private; 提交审核 saves and sends it to the content check and
 * the courtyard head, and then says where it landed (审核中, or 未通过 with the reason).
 */
export default function ListingEditPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const [kept, setKept] = useState<string[]>([])
  const photos = usePhotos()
  const edit = usePostEdit<TListing, TListingForm, TListingInput>({
    name: 'listing',
    id: params.id,
    initial: EMPTY_LISTING_FORM,
    load: getListing,
    formOf: listingFormOf,
    onLoaded: (l) => setKept(l.photoIds),
    create: createListing,
    update: updateListing,
    submit: submitListing,
    // checks first, then waits for the photos still uploading
    build: async (f) => {
      const early = listingInputOf(f, kept)
      if ('error' in early) return early
      const { ids, missing } = await photos.settled()
      if (missing) return { error: invalid(`有 ${missing} 张照片没有传上去：点一下照片重试，或点 × 删掉`) }
      return listingInputOf(f, [...kept, ...ids])
    },
  })
  const { form, set, original, result, waiting, save, submit } = edit

  const price = parseYuan(form.price)
  const customUnit = !(UNIT_CHOICES as readonly string[]).includes(form.unit)
  const member = me ? Boolean(me.courtyard) : true

  if (result) {
    return (
      <EditResult
        testId="listing-edit"
        result={result}
        goodText="院长或村干部审核通过后，大家就能看到您的商品，有人想买会通知您。"
        onAgain={edit.clearResult}
        view={{ label: '查看商品', url: listingPage(result.id) }}
        mine={{ label: '我的商品', url: minePage('listings') }}
      />
    )
  }

  return (
    <View className="page mk-edit">
      <ErrorNotice error={edit.loadError} testId="listing-edit-load-error" />
      <Text className="page-title">{edit.postId ? '修改商品' : '我要卖'}</Text>
      <Text className="page-subtitle">自家产的东西拍几张照片，写清价格和数量。院长或村干部审核后大家就能看到。</Text>

      {!member ? (
        <View data-testid="listing-edit-not-member">
          <Text className="mk-card__line">请先加入院落，才能发布。</Text>
          <Button className="btn" type="primary" size="xlarge" block data-testid="listing-edit-join" onClick={() => openPage(ROUTES.join)}>
            加入院落
          </Button>
        </View>
      ) : (
        <EditGate
          testId="listing-edit"
          id={params.id}
          original={original}
          loadError={edit.loadError}
          lockedText="审核中或已上架的商品不能修改，可以先下架再修改。"
          view={{ label: '查看商品', url: listingPage }}
        >
          <Field
            label="卖什么"
            value={form.title}
            onChange={(v) => set('title', v)}
            maxlength={LISTING_LIMITS.title}
            placeholder="例如：土鸡蛋、蜂蜜、红薯"
            testId="listing-title"
          />

          <Text className="mk-label">品类</Text>
          <Chips
            options={CATEGORY_KEYS.map((c) => ({ value: c, label: LISTING_CATEGORIES[c] }))}
            value={form.category}
            onChange={(c) => set('category', c)}
            testId="listing-category"
          />

          <Text className="mk-label">{`照片（最多${LISTING_LIMITS.photos}张，有照片卖得快）`}</Text>
          {kept.length ? (
            <View className="mk-photos" data-testid="listing-kept-photos">
              {kept.map((p) => (
                <View key={p} className="xyj-photos__item" data-testid="listing-kept-photo" data-id={p}>
                  <MediaImage id={p} testId="listing-kept-photo-image" />
                  <View
                    className="xyj-photos__remove"
                    data-testid="listing-kept-photo-remove"
                    aria-label="删除照片"
                    onClick={() => setKept((k) => k.filter((x) => x !== p))}
                  >
                    <Text className="xyj-photos__remove-x">×</Text>
                  </View>
                </View>
              ))}
            </View>
          ) : null}
          <PhotoPicker photos={photos} max={LISTING_LIMITS.photos - kept.length} testId="listing-photos" />

          <Field
            label="单价（元）"
            value={form.price}
            onChange={(v) => set('price', v)}
            type="digit"
            maxlength={10}
            placeholder="例如：12.5"
            testId="listing-price"
            hint={price.ok && price.fen > 0 ? `每${form.unit || '份'} ${formatFen(price.fen)}` : undefined}
          />

          <Text className="mk-label">单位</Text>
          <Chips options={UNIT_CHOICES.map((u) => ({ value: u, label: u }))} value={form.unit} onChange={(u) => set('unit', u)} testId="listing-unit" />
          <View className="xyj-field">
            <Input
              className={`xyj-field__input ${customUnit && form.unit ? 'mk-unit--on' : ''}`}
              data-testid="listing-unit-custom"
              value={customUnit ? form.unit : ''}
              maxlength={UNIT_MAX}
              placeholder={`其他单位，如：桶、筐（不超过${UNIT_MAX}个字）`}
              placeholderClass="xyj-field__placeholder"
              onInput={(e) => set('unit', e.detail.value)}
            />
          </View>

          <Field
            label={`有多少（${form.unit || '份'}）`}
            value={form.quantity}
            onChange={(v) => set('quantity', v)}
            type="number"
            maxlength={7}
            placeholder="例如：100"
            testId="listing-quantity"
          />

          <Text className="mk-label">介绍（可不填）</Text>
          <Textarea
            className="mk-textarea"
            data-testid="listing-description"
            value={form.description}
            maxlength={LISTING_LIMITS.description}
            placeholder="怎么养的、怎么种的、新不新鲜"
            onInput={(e) => set('description', e.detail.value)}
          />

          <Field
            label="在哪里取货（可不填）"
            value={form.pickupNote}
            onChange={(v) => set('pickupNote', v)}
            maxlength={LISTING_LIMITS.pickupNote}
            placeholder="例如：桂花院3号自取，镇上可送"
            testId="listing-pickup"
          />

          <Text className="mk-label">买家怎么联系您</Text>
          <Tabs
            options={(['phone', 'in_app'] as const).map((v) => ({ value: v, label: CONTACT_PREFS[v] }))}
            value={form.contactPref}
            onChange={(v) => set('contactPref', v)}
            testId="listing-contact"
          />
          <Text className="muted">您接受买家的意向后，买家才能看到您的电话。</Text>
          <View className="gap" />

          <ErrorNotice error={edit.error} testId="listing-edit-error" />
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={waiting && (submit.busy || save.busy || photos.busy)}
            disabled={waiting}
            data-testid="listing-submit"
            onClick={() => void edit.onSubmit()}
          >
            {waiting && photos.busy ? '照片上传中…' : '提交审核'}
          </Button>
          <Button className="btn" size="xlarge" block disabled={waiting} data-testid="listing-save" onClick={() => void edit.onSave()}>
            保存草稿
          </Button>
        </EditGate>
      )}
    </View>
  )
}
