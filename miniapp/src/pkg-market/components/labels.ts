import { LISTING_CATEGORIES } from '../../../../shared/domain/market'
import type { TApplication, TEmployerKind, TIntent, TJob, TJobState, TListing, TListingCategory, TListingState, TPayUnit } from '../../api/market'
import { formatFen } from '../../lib/money'
import type { TTagType } from '../../components/state-tag'

export { LISTING_CATEGORIES }
export const CATEGORY_KEYS = Object.keys(LISTING_CATEGORIES) as TListingCategory[]

export const LISTING_STATES: Record<TListingState, string> = {
  draft: '草稿',
  pending_review: '审核中',
  published: '在卖',
  sold_out: '已售完',
  closed: '已下架',
  rejected: '未通过审核',
  expired: '已到期',
}

export const JOB_STATES: Record<TJobState, string> = {
  draft: '草稿',
  pending_review: '审核中',
  published: '招工中',
  filled: '已招满',
  closed: '已结束',
  rejected: '未通过审核',
  expired: '已到期',
}

/** NutUI Tag colours: waiting ones stand out, public ones are green, finished ones fade. */
export const POST_TAG: Record<TListingState | TJobState, TTagType> = {
  draft: 'default',
  pending_review: 'warning',
  published: 'success',
  sold_out: 'default',
  filled: 'default',
  closed: 'default',
  rejected: 'danger',
  expired: 'default',
}

/** What the poster reads under the state. */
export const POST_STATE_HINT: Partial<Record<TListingState | TJobState, string>> = {
  draft: '还没有提交，提交审核后院长或村干部看过才公开',
  pending_review: '已提交，等院长或村干部审核，通过后大家就能看到',
  rejected: '没有通过审核，按原因修改后可以重新提交',
  expired: '已到期下架，可以修改后重新提交',
}

/** WeChat's content check: what a reviewer (and the poster) should know. */
export function contentCheckText(check: TListing['contentCheck']): string | null {
  if (check === 'review') return '需人工复核'
  if (check === 'risky') return '内容检查未通过'
  return null
}

export const UNIT_CHOICES = ['斤', '个', '箱', '只', '袋', '瓶', '把'] as const
export const UNIT_MAX = 4

export const CONTACT_PREFS: Record<TListing['contactPref'], string> = {
  phone: '电话联系',
  in_app: '小程序里联系',
}

export const PAY_UNITS: Record<TPayUnit, string> = { day: '天', hour: '小时', piece: '件' }
export const PAY_UNIT_KEYS = Object.keys(PAY_UNITS) as TPayUnit[]

export const EMPLOYER_KINDS: Record<TEmployerKind, string> = { villager: '个人', cooperative: '合作社', village: '村集体' }
export const EMPLOYER_KEYS = Object.keys(EMPLOYER_KINDS) as TEmployerKind[]

export const INTENT_STATES: Record<TIntent['state'], string> = {
  pending: '等卖家回复',
  accepted: '卖家已接受',
  declined: '卖家已婉拒',
  cancelled: '已撤回',
}
export const INTENT_TAG: Record<TIntent['state'], TTagType> = { pending: 'warning', accepted: 'success', declined: 'default', cancelled: 'default' }

export const APPLICATION_STATES: Record<TApplication['state'], string> = {
  applied: '已报名，等回复',
  accepted: '已录用',
  declined: '未录用',
  withdrawn: '已撤回',
}
export const APPLICATION_TAG: Record<TApplication['state'], TTagType> = { applied: 'warning', accepted: 'success', declined: 'default', withdrawn: 'default' }

/** "¥12.50/斤" */
export function priceText(l: Pick<TListing, 'priceFen' | 'unit'>): string {
  return `${formatFen(l.priceFen)}/${l.unit}`
}

/** "¥150.00/天" */
export function payText(j: Pick<TJob, 'payFen' | 'payUnit'>): string {
  return `${formatFen(j.payFen)}/${PAY_UNITS[j.payUnit]}`
}

/** "5月1日" from '2026-05-01' (no time zone games: the date is a calendar day). */
export function dayText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : date
}

/** "5月1日—5月3日", or one day. */
export function datesText(j: Pick<TJob, 'startDate' | 'endDate'>): string {
  return j.startDate === j.endDate ? dayText(j.startDate) : `${dayText(j.startDate)}—${dayText(j.endDate)}`
}

/** "个人 王秀英" / "合作社 石坝蜂蜜合作社" */
export function employerText(j: Pick<TJob, 'employer' | 'poster'>): string {
  return `${EMPLOYER_KINDS[j.employer.kind]} ${j.employer.name || j.poster.name}`
}

/** "3 天" / "2.5 天" */
export function daysText(days: number): string {
  return `${days} 天`
}
