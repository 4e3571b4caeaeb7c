import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed, ZPhone } from './common';
import { CONTACT_PREFS, CONTENT_CHECKS, INTENT_STATES, LISTING_CATEGORY_KEYS, LISTING_STATES } from '../domain/market';

/** 帮我卖 (produce listings) and 找活干 (local jobs, in jobs.ts): posted, content-checked, approved, then public. */
export const ZListingCategory = z.enum(LISTING_CATEGORY_KEYS);
export const ZListingState = z.enum(LISTING_STATES);
export const ZContentCheck = z.enum(CONTENT_CHECKS).nullable();
const ZContactPref = z.enum(CONTACT_PREFS);
export const ZId = z.object({ id: z.uuid() });
const ZPhotoIds = z.array(z.uuid()).max(6, '最多6张照片').default([]);
export const ZPaging = { cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) };

const ZListingInput = z.object({
  title: z.string().trim().min(2, '请写上产品名称').max(30, '名称不超过30个字'),
  category: ZListingCategory,
  description: z.string().trim().max(500, '不超过500字').default(''),
  photoIds: ZPhotoIds,
  /** 单价，单位：分 */
  priceFen: z.number().int('价格以分为单位').min(1, '请填写价格').max(100_000_000),
  unit: z.string().trim().min(1, '请填写单位').max(4, '单位不超过4个字'),
  quantity: z.number().int().min(1, '请填写数量').max(1_000_000),
  pickupNote: z.string().trim().max(100).default(''),
  contactPref: ZContactPref.default('phone'),
});

export const ZListing = z.object({
  id: z.string(),
  seller: ZNamed,
  village: ZNamed,
  courtyard: ZNamed,
  title: z.string(),
  category: ZListingCategory,
  description: z.string(),
  photoIds: z.array(z.string()),
  priceFen: z.number().int(),
  unit: z.string(),
  quantity: z.number().int(),
  pickupNote: z.string(),
  contactPref: ZContactPref,
  state: ZListingState,
  featured: z.boolean(),
  rejectReason: z.string().nullable(),
  contentCheck: ZContentCheck,
  publishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
  /** what the caller may do now */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), feature: z.boolean(), close: z.boolean(), intend: z.boolean() }),
});
export type TListing = z.infer<typeof ZListing>;

export const createListing = defineContract({
  method: 'POST',
  path: '/api/listings',
  summary: '帮我卖：新建商品（草稿）',
  tag: 'market',
  status: 201,
  body: ZListingInput,
  response: ZListing,
});

export const updateListing = defineContract({
  method: 'PATCH',
  path: '/api/listings/{id}',
  summary: '修改草稿或被退回的商品',
  tag: 'market',
  params: ZId,
  body: ZListingInput.partial(),
  response: ZListing,
});

export const submitListing = defineContract({
  method: 'POST',
  path: '/api/listings/{id}/submit',
  summary: '提交审核：先经微信内容安全检查，再由院长或村干部审核',
  tag: 'market',
  params: ZId,
  response: ZListing,
});

export const reviewListing = defineContract({
  method: 'POST',
  path: '/api/listings/{id}/review',
  summary: '审核商品：通过上架或退回（写明原因）',
  tag: 'market',
  params: ZId,
  body: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }),
    z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1, '请写明退回原因').max(200) }),
  ]),
  response: ZListing,
});

export const featureListing = defineContract({
  method: 'POST',
  path: '/api/listings/{id}/feature',
  summary: '村里推荐（置顶）或取消（村干部）',
  tag: 'market',
  params: ZId,
  body: z.object({ featured: z.boolean() }),
  response: ZListing,
});

export const closeListing = defineContract({
  method: 'POST',
  path: '/api/listings/{id}/close',
  summary: '卖家标记售完或下架（未处理的意向一并婉拒）',
  tag: 'market',
  params: ZId,
  body: z.object({ state: z.enum(['sold_out', 'closed']) }),
  response: ZListing,
});

export const getListing = defineContract({
  method: 'GET',
  path: '/api/listings/{id}',
  summary: '商品详情（已上架的人人可见；其余仅卖家和审核人）',
  tag: 'market',
  params: ZId,
  response: ZListing,
});

export const browseListings = defineContract({
  method: 'GET',
  path: '/api/listings',
  summary: '逛一逛：已上架的商品，村里推荐在前，可按村和品类筛选',
  tag: 'market',
  query: z.object({ villageId: z.uuid().optional(), category: ZListingCategory.optional(), ...ZPaging }),
  response: z.object({ items: z.array(ZListing), nextCursor: z.string().nullable() }),
});

export const myListings = defineContract({
  method: 'GET',
  path: '/api/listings/mine',
  summary: '我的商品',
  tag: 'market',
  response: z.object({ items: z.array(ZListing) }),
});

// ── 意向 ──

export const ZIntentState = z.enum(INTENT_STATES);
export const ZIntent = z.object({
  id: z.string(),
  listing: z.object({ id: z.string(), title: z.string(), unit: z.string(), priceFen: z.number().int() }),
  buyer: ZNamed,
  quantity: z.number().int(),
  /** the buyer's phone: for the seller */
  buyerPhone: z.string(),
  note: z.string(),
  state: ZIntentState,
  declineReason: z.string().nullable(),
  /** the seller's phone: shown to the buyer only after the seller accepted */
  sellerPhone: z.string().nullable(),
  seller: ZNamed,
  createdAt: z.string(),
  mine: z.boolean(),
});
export type TIntent = z.infer<typeof ZIntent>;

export const createIntent = defineContract({
  method: 'POST',
  path: '/api/listings/{id}/intents',
  summary: '我想要：数量、联系电话、留言（卖家收到通知）',
  tag: 'market',
  status: 201,
  params: ZId,
  body: z.object({ quantity: z.number().int().min(1, '至少1份').max(1_000_000), phone: ZPhone, note: z.string().trim().max(200).default('') }),
  response: ZIntent,
});

export const listingIntents = defineContract({
  method: 'GET',
  path: '/api/listings/{id}/intents',
  summary: '卖家：这件商品收到的意向',
  tag: 'market',
  params: ZId,
  response: z.object({ items: z.array(ZIntent) }),
});

export const myIntents = defineContract({
  method: 'GET',
  path: '/api/intents/mine',
  summary: '我发出的意向（卖家接受后可见卖家电话）',
  tag: 'market',
  response: z.object({ items: z.array(ZIntent) }),
});

export const decideIntent = defineContract({
  method: 'POST',
  path: '/api/intents/{id}/decide',
  summary: '卖家接受（扣减可售数量，不会超卖）或婉拒',
  tag: 'market',
  params: ZId,
  body: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept') }),
    z.object({ decision: z.literal('decline'), reason: z.string().trim().max(200).default('') }),
  ]),
  response: ZIntent,
});

export const cancelIntent = defineContract({
  method: 'POST',
  path: '/api/intents/{id}/cancel',
  summary: '买家撤回尚未处理的意向',
  tag: 'market',
  params: ZId,
  response: ZIntent,
});
