import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { createListing, getListing, submitListing, updateListing, type TListing, type TListingInput } from '../../api/market'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { MediaImage } from '../../components/media-image'
import { Button } from '../../components/nut'
import { PhotoPicker, usePhotos } from '../../components/photo-picker'
import { Tabs } from '../../components/tabs'
import { listingPage, minePage } from '../../lib/market-routes'
import { parseYuan, formatFen } from '../../lib/money'
import { goToLogin, openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { CATEGORY_KEYS, CONTACT_PREFS, LISTING_CATEGORIES, UNIT_CHOICES, UNIT_MAX } from '../components/labels'
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
  const [listingId, setListingId] = useState<string | null>(params.id || null)
  const [original, setOriginal] = useState<TListing | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [form, setForm] = useState<TListingForm>(EMPTY_LISTING_FORM)
  const [kept, setKept] = useState<string[]>([])
  const [formError, setFormError] = useState<AppError | null>(null)
  const [result, setResult] = useState<TListing | null>(null)
  const [waiting, setWaiting] = useState(false)
  const busy = useRef(false)
  const photos = usePhotos()

  const save = useAction('listing-save', (i: { id: string | null; input: TListingInput }, key: string) =>
    i.id ? updateListing(i.id, i.input, key) : createListing(i.input, key),
  )
  const submit = useAction('listing-submit', (id: string, key: string) => submitListing(id, key))

  useEffect(() => {
    if (!getToken()) return goToLogin()
    if (!params.id) return
    getListing(params.id).then(
      (l) => {
        setOriginal(l)
        setForm(listingFormOf(l))
        setKept(l.photoIds)
      },
      (err) => setLoadError(toAppError(err)),
    )
  }, [params.id])

  const set = <K extends keyof TListingForm>(k: K, v: TListingForm[K]) => setForm((f) => ({ ...f, [k]: v }))

  /** Checks, waits for photos, then creates or updates the draft; the saved listing or null. */
  const persist = async (): Promise<TListing | null> => {
    const early = listingInputOf(form, kept)
    if ('error' in early) {
      setFormError(early.error)
      return null
    }
    const { ids, missing } = await photos.settled()
    if (missing) {
      setFormError(invalid(`有 ${missing} 张照片没有传上去：点一下照片重试，或点 × 删掉`))
      return null
    }
    const built = listingInputOf(form, [...kept, ...ids])
    if ('error' in built) {
      setFormError(built.error)
      return null
    }
    setFormError(null)
    const res = await save.run({ id: listingId, input: built.input })
    if (!res.ok) return null
    setListingId(res.value.id)
    setOriginal(res.value)
    return res.value
  }

  const guarded = async (work: () => Promise<void>) => {
    if (busy.current) return
    busy.current = true
    setWaiting(true)
    try {
      await work()
    } finally {
      busy.current = false
      setWaiting(false)
    }
  }

  const onSave = () =>
    guarded(async () => {
      if (await persist()) Taro.showToast({ title: '已保存草稿', icon: 'success', duration: 1500 })
    })

  const onSubmit = () =>
    guarded(async () => {
      const saved = await persist()
      if (!saved) return
      const res = await submit.run(saved.id)
      if (res.ok) {
        setOriginal(res.value)
        setResult(res.value)
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      }
    })

  const price = parseYuan(form.price)
  const customUnit = !(UNIT_CHOICES as readonly string[]).includes(form.unit)
  const member = me ? Boolean(me.courtyard) : true
  const editable = !original || original.can.edit

  if (result) {
    const rejected = result.state === 'rejected'
    return (
      <View className='page mk-edit'>
        <View className='mk-card' data-testid='listing-edit-result' data-state={result.state} data-id={result.id} data-check={result.contentCheck ?? ''}>
          <Text className='mk-card__title'>{rejected ? '没有通过内容检查' : '已提交审核'}</Text>
          {rejected ? (
            <Text className='mk-bad' data-testid='listing-edit-result-reason'>
              {result.rejectReason ?? '内容可能不合适，请修改后重新提交'}
            </Text>
          ) : (
            <Text className='mk-good'>院长或村干部审核通过后，大家就能看到您的商品，有人想买会通知您。</Text>
          )}
          {!rejected && result.contentCheck === 'review' ? (
            <Text className='mk-warn' data-testid='listing-edit-result-review'>
              需人工复核：内容要院长或村干部仔细看一看，会慢一点。
            </Text>
          ) : null}
        </View>
        {rejected ? (
          <Button className='btn' type='primary' size='xlarge' block data-testid='listing-edit-again' onClick={() => setResult(null)}>
            修改后重新提交
          </Button>
        ) : null}
        <Button className='btn' size='xlarge' block data-testid='listing-edit-view' onClick={() => Taro.redirectTo({ url: listingPage(result.id) })}>
          查看商品
        </Button>
        <Button className='btn' size='xlarge' block data-testid='listing-edit-mine' onClick={() => Taro.redirectTo({ url: minePage('listings') })}>
          我的商品
        </Button>
      </View>
    )
  }

  return (
    <View className='page mk-edit'>
      <ErrorNotice error={loadError} testId='listing-edit-load-error' />
      <Text className='page-title'>{listingId ? '修改商品' : '我要卖'}</Text>
      <Text className='page-subtitle'>自家产的东西拍几张照片，写清价格和数量。院长或村干部审核后大家就能看到。</Text>

      {!member ? (
        <View data-testid='listing-edit-not-member'>
          <Text className='mk-card__line'>请先加入院落，才能发布。</Text>
          <Button className='btn' type='primary' size='xlarge' block data-testid='listing-edit-join' onClick={() => openPage(ROUTES.join)}>
            加入院落
          </Button>
        </View>
      ) : !editable && original ? (
        <View data-testid='listing-edit-locked'>
          <Text className='mk-warn'>审核中或已上架的商品不能修改，可以先下架再修改。</Text>
          <Button className='btn' size='xlarge' block onClick={() => Taro.redirectTo({ url: listingPage(original.id) })}>
            查看商品
          </Button>
        </View>
      ) : params.id && !original && !loadError ? (
        <Text className='muted'>正在加载…</Text>
      ) : params.id && loadError ? null : (
        <>
          {original?.state === 'rejected' && original.rejectReason ? (
            <Text className='mk-bad' data-testid='listing-edit-reject-reason'>{`退回原因：${original.rejectReason}`}</Text>
          ) : null}

          <Field
            label='卖什么'
            value={form.title}
            onChange={(v) => set('title', v)}
            maxlength={LISTING_LIMITS.title}
            placeholder='例如：土鸡蛋、蜂蜜、红薯'
            testId='listing-title'
          />

          <Text className='mk-label'>品类</Text>
          <View className='chips' data-testid='listing-category' data-value={form.category ?? ''}>
            {CATEGORY_KEYS.map((c) => (
              <Text
                key={c}
                className={`chip ${form.category === c ? 'chip--on' : ''}`}
                data-testid={`listing-category-${c}`}
                data-on={form.category === c ? 'true' : 'false'}
                onClick={() => set('category', c)}
              >
                {LISTING_CATEGORIES[c]}
              </Text>
            ))}
          </View>

          <Text className='mk-label'>{`照片（最多${LISTING_LIMITS.photos}张，有照片卖得快）`}</Text>
          {kept.length ? (
            <View className='mk-photos' data-testid='listing-kept-photos'>
              {kept.map((p) => (
                <View key={p} className='xyj-photos__item' data-testid='listing-kept-photo' data-id={p}>
                  <MediaImage id={p} testId='listing-kept-photo-image' />
                  <View className='xyj-photos__remove' data-testid='listing-kept-photo-remove' aria-label='删除照片' onClick={() => setKept((k) => k.filter((x) => x !== p))}>
                    <Text className='xyj-photos__remove-x'>×</Text>
                  </View>
                </View>
              ))}
            </View>
          ) : null}
          <PhotoPicker photos={photos} max={LISTING_LIMITS.photos - kept.length} testId='listing-photos' />

          <Field
            label='单价（元）'
            value={form.price}
            onChange={(v) => set('price', v)}
            type='digit'
            maxlength={10}
            placeholder='例如：12.5'
            testId='listing-price'
            hint={price.ok && price.fen > 0 ? `每${form.unit || '份'} ${formatFen(price.fen)}` : undefined}
          />

          <Text className='mk-label'>单位</Text>
          <View className='chips' data-testid='listing-unit' data-value={form.unit}>
            {UNIT_CHOICES.map((u) => (
              <Text
                key={u}
                className={`chip ${form.unit === u ? 'chip--on' : ''}`}
                data-testid={`listing-unit-${u}`}
                data-on={form.unit === u ? 'true' : 'false'}
                onClick={() => set('unit', u)}
              >
                {u}
              </Text>
            ))}
          </View>
          <View className='xyj-field'>
            <Input
              className={`xyj-field__input ${customUnit && form.unit ? 'mk-unit--on' : ''}`}
              data-testid='listing-unit-custom'
              value={customUnit ? form.unit : ''}
              maxlength={UNIT_MAX}
              placeholder={`其他单位，如：桶、筐（不超过${UNIT_MAX}个字）`}
              placeholderClass='xyj-field__placeholder'
              onInput={(e) => set('unit', e.detail.value)}
            />
          </View>

          <Field
            label={`有多少（${form.unit || '份'}）`}
            value={form.quantity}
            onChange={(v) => set('quantity', v)}
            type='number'
            maxlength={7}
            placeholder='例如：100'
            testId='listing-quantity'
          />

          <Text className='mk-label'>介绍（可不填）</Text>
          <Textarea
            className='mk-textarea'
            data-testid='listing-description'
            value={form.description}
            maxlength={LISTING_LIMITS.description}
            placeholder='怎么养的、怎么种的、新不新鲜'
            onInput={(e) => set('description', e.detail.value)}
          />

          <Field
            label='在哪里取货（可不填）'
            value={form.pickupNote}
            onChange={(v) => set('pickupNote', v)}
            maxlength={LISTING_LIMITS.pickupNote}
            placeholder='例如：桂花院3号自取，镇上可送'
            testId='listing-pickup'
          />

          <Text className='mk-label'>买家怎么联系您</Text>
          <Tabs
            options={(['phone', 'in_app'] as const).map((v) => ({ value: v, label: CONTACT_PREFS[v] }))}
            value={form.contactPref}
            onChange={(v) => set('contactPref', v)}
            testId='listing-contact'
          />
          <Text className='muted'>您接受买家的意向后，买家才能看到您的电话。</Text>
          <View className='gap' />

          <ErrorNotice error={formError ?? save.error ?? submit.error} testId='listing-edit-error' />
          <Button
            className='btn'
            type='primary'
            size='xlarge'
            block
            loading={waiting && (submit.busy || save.busy || photos.busy)}
            disabled={waiting}
            data-testid='listing-submit'
            onClick={() => void onSubmit()}
          >
            {waiting && photos.busy ? '照片上传中…' : '提交审核'}
          </Button>
          <Button className='btn' size='xlarge' block disabled={waiting} data-testid='listing-save' onClick={() => void onSave()}>
            保存草稿
          </Button>
        </>
      )}
    </View>
  )
}
