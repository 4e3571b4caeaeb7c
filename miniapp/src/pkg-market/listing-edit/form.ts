import { AppError } from '../../../../shared/errors'
import type { TListing, TListingCategory, TListingInput } from '../../api/market'
import { fenToInput, parseYuan } from '../../lib/money'
import { UNIT_MAX } from '../components/labels'

/** The listing form as typed: text everywhere, converted once when sending. */
export type TListingForm = {
  title: string
  category: TListingCategory | null
  description: string
  /** yuan as typed, "12.5" */
  price: string
  unit: string
  quantity: string
  pickupNote: string
  contactPref: TListing['contactPref']
}

export const EMPTY_LISTING_FORM: TListingForm = {
  title: '',
  category: null,
  description: '',
  price: '',
  unit: '斤',
  quantity: '',
  pickupNote: '',
  contactPref: 'phone',
}

export const LISTING_LIMITS = { title: 30, description: 500, pickupNote: 100, photos: 6, maxPriceFen: 100_000_000, maxQuantity: 1_000_000 }

export function listingFormOf(l: TListing): TListingForm {
  return {
    title: l.title,
    category: l.category,
    description: l.description,
    price: fenToInput(l.priceFen),
    unit: l.unit,
    quantity: String(l.quantity),
    pickupNote: l.pickupNote,
    contactPref: l.contactPref,
  }
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })

/**
 * The form → the request body (price in fen, counted from the digits: "12.5" → 1250), or the
 * first thing to fix, in the words the server would use.
 */
export function listingInputOf(f: TListingForm, photoIds: string[]): { input: TListingInput } | { error: AppError } {
  const title = f.title.trim()
  if (title.length < 2) return { error: invalid('请写上产品名称') }
  if (title.length > LISTING_LIMITS.title) return { error: invalid(`名称不超过${LISTING_LIMITS.title}个字`) }
  if (!f.category) return { error: invalid('请选择品类') }
  const description = f.description.trim()
  if (description.length > LISTING_LIMITS.description) return { error: invalid(`介绍不超过${LISTING_LIMITS.description}字`) }
  const price = parseYuan(f.price)
  if (!price.ok) {
    return {
      error: invalid(price.reason === 'empty' ? '请填写价格' : price.reason === 'too_precise' ? '价格最多写到分（两位小数）' : '价格请写数字，例如 12.5'),
    }
  }
  if (price.fen < 1) return { error: invalid('请填写价格') }
  if (price.fen > LISTING_LIMITS.maxPriceFen) return { error: invalid('价格太高了，请检查') }
  const unit = f.unit.trim()
  if (!unit) return { error: invalid('请填写单位') }
  if (unit.length > UNIT_MAX) return { error: invalid(`单位不超过${UNIT_MAX}个字`) }
  const q = f.quantity.trim()
  if (!/^\d+$/.test(q) || Number(q) < 1) return { error: invalid('请填写数量（整数）') }
  if (Number(q) > LISTING_LIMITS.maxQuantity) return { error: invalid('数量太大了，请检查') }
  const pickupNote = f.pickupNote.trim()
  if (pickupNote.length > LISTING_LIMITS.pickupNote) return { error: invalid(`取货说明不超过${LISTING_LIMITS.pickupNote}字`) }
  if (photoIds.length > LISTING_LIMITS.photos) return { error: invalid(`最多${LISTING_LIMITS.photos}张照片`) }
  return {
    input: {
      title,
      category: f.category,
      description,
      photoIds,
      priceFen: price.fen,
      unit,
      quantity: Number(q),
      pickupNote,
      contactPref: f.contactPref,
    },
  }
}
