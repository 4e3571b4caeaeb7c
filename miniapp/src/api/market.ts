import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  applyJob as applyContract,
  browseJobs as browseJobsContract,
  browseListings as browseListingsContract,
  confirmWork as workContract,
  createJob as createJobContract,
  createIntent as createIntentContract,
  createListing as createListingContract,
  decideApplication as decideApplicationContract,
  decideIntent as decideIntentContract,
  jobApplications as jobApplicationsContract,
  listingIntents as listingIntentsContract,
  myApplications as myApplicationsContract,
  myIntents as myIntentsContract,
  myJobs as myJobsContract,
  myListings as myListingsContract,
  reviewListing as reviewContract,
  updateJob as updateJobContract,
  updateListing as updateListingContract,
  TApplication,
  TIntent,
  TJob,
  TListing,
} from '../../../shared/contracts/market'
import { request } from './request'

export type { TApplication, TIntent, TJob, TListing }
export type TListingInput = TBodyOf<typeof createListingContract>
export type TListingPatch = TBodyOf<typeof updateListingContract>
export type TListingCategory = TListing['category']
export type TListingState = TListing['state']
export type TListingPage = TResponseOf<typeof browseListingsContract>
export type TJobInput = TBodyOf<typeof createJobContract>
export type TJobPatch = TBodyOf<typeof updateJobContract>
export type TJobState = TJob['state']
export type TPayUnit = TJob['payUnit']
export type TEmployerKind = TJob['employer']['kind']
export type TJobPage = TResponseOf<typeof browseJobsContract>
export type TIntentInput = TBodyOf<typeof createIntentContract>
export type TIntentDecision = TBodyOf<typeof decideIntentContract>
export type TReviewDecision = TBodyOf<typeof reviewContract>
export type TApplicationDecision = TBodyOf<typeof decideApplicationContract>['decision']
export type TWorkInput = TBodyOf<typeof workContract>

const v = (id: string) => encodeURIComponent(id)
const post = <T>(path: string, body: unknown, idempotencyKey: string) => request<T>(path, { method: 'POST', body, idempotencyKey })

// ── 帮我卖 ──

/** 逛一逛: published listings, 村里推荐 first; pass the previous page's nextCursor for more. */
export function browseListings(
  filter: { category?: TListingCategory; villageId?: string },
  cursor?: string | null,
  limit = 20,
): Promise<TListingPage> {
  return request('/api/listings', { query: { ...filter, cursor: cursor ?? undefined, limit } })
}

export function getListing(id: string): Promise<TListing> {
  return request(`/api/listings/${v(id)}`)
}

export function myListings(): Promise<TResponseOf<typeof myListingsContract>> {
  return request('/api/listings/mine')
}

/** 新建商品 (a draft). */
export function createListing(input: TListingInput, idempotencyKey: string): Promise<TListing> {
  return post<TResponseOf<typeof createListingContract>>('/api/listings', input, idempotencyKey)
}

/** 修改 a draft or a rejected listing. */
export function updateListing(id: string, patch: TListingPatch, idempotencyKey: string): Promise<TListing> {
  return request<TListing>(`/api/listings/${v(id)}`, { method: 'PATCH', body: patch, idempotencyKey })
}

/** 提交审核: the content check runs first; the answer is pending_review, or rejected with the reason. */
export function submitListing(id: string, idempotencyKey: string): Promise<TListing> {
  return post(`/api/listings/${v(id)}/submit`, {}, idempotencyKey)
}

export function reviewListing(id: string, decision: TReviewDecision, idempotencyKey: string): Promise<TListing> {
  return post(`/api/listings/${v(id)}/review`, decision, idempotencyKey)
}

/** 村里推荐 on or off (村干部). */
export function featureListing(id: string, featured: boolean, idempotencyKey: string): Promise<TListing> {
  return post(`/api/listings/${v(id)}/feature`, { featured }, idempotencyKey)
}

/** 标记售完 or 下架 (pending intents are declined with it). */
export function closeListing(id: string, state: 'sold_out' | 'closed', idempotencyKey: string): Promise<TListing> {
  return post(`/api/listings/${v(id)}/close`, { state }, idempotencyKey)
}

/** 待审核 (its own file: 首页 counts it from the main package). */
export { reviewQueue, type TReviewQueue } from './market-review'

// ── 意向 ──

/** 我想要 (the seller is told). */
export function createIntent(listingId: string, input: TIntentInput, idempotencyKey: string): Promise<TIntent> {
  return post<TResponseOf<typeof createIntentContract>>(`/api/listings/${v(listingId)}/intents`, input, idempotencyKey)
}

/** The intents a seller received for one listing. */
export function listingIntents(listingId: string): Promise<TResponseOf<typeof listingIntentsContract>> {
  return request(`/api/listings/${v(listingId)}/intents`)
}

/** 我的意向: the seller's phone is there once accepted. */
export function myIntents(): Promise<TResponseOf<typeof myIntentsContract>> {
  return request('/api/intents/mine')
}

export function decideIntent(id: string, decision: TIntentDecision, idempotencyKey: string): Promise<TIntent> {
  return post(`/api/intents/${v(id)}/decide`, decision, idempotencyKey)
}

export function cancelIntent(id: string, idempotencyKey: string): Promise<TIntent> {
  return post(`/api/intents/${v(id)}/cancel`, {}, idempotencyKey)
}

// ── 找活干 ──

export function browseJobs(filter: { villageId?: string }, cursor?: string | null, limit = 20): Promise<TJobPage> {
  return request('/api/jobs', { query: { ...filter, cursor: cursor ?? undefined, limit } })
}

export function getJob(id: string): Promise<TJob> {
  return request(`/api/jobs/${v(id)}`)
}

export function myJobs(): Promise<TResponseOf<typeof myJobsContract>> {
  return request('/api/jobs/mine')
}

export function createJob(input: TJobInput, idempotencyKey: string): Promise<TJob> {
  return post<TResponseOf<typeof createJobContract>>('/api/jobs', input, idempotencyKey)
}

export function updateJob(id: string, patch: TJobPatch, idempotencyKey: string): Promise<TJob> {
  return request<TJob>(`/api/jobs/${v(id)}`, { method: 'PATCH', body: patch, idempotencyKey })
}

export function submitJob(id: string, idempotencyKey: string): Promise<TJob> {
  return post(`/api/jobs/${v(id)}/submit`, {}, idempotencyKey)
}

export function reviewJob(id: string, decision: TReviewDecision, idempotencyKey: string): Promise<TJob> {
  return post(`/api/jobs/${v(id)}/review`, decision, idempotencyKey)
}

/** 招工结束. */
export function closeJob(id: string, idempotencyKey: string): Promise<TJob> {
  return post(`/api/jobs/${v(id)}/close`, {}, idempotencyKey)
}

// ── 报名 ──

export function applyJob(jobId: string, note: string, idempotencyKey: string): Promise<TApplication> {
  return post<TResponseOf<typeof applyContract>>(`/api/jobs/${v(jobId)}/applications`, { note }, idempotencyKey)
}

/** The poster's view of who applied (with their phones). */
export function jobApplications(jobId: string): Promise<TResponseOf<typeof jobApplicationsContract>> {
  return request(`/api/jobs/${v(jobId)}/applications`)
}

export function myApplications(): Promise<TResponseOf<typeof myApplicationsContract>> {
  return request('/api/applications/mine')
}

/** 录用 or 婉拒. */
export function decideApplication(id: string, decision: TApplicationDecision, idempotencyKey: string): Promise<TApplication> {
  return post(`/api/applications/${v(id)}/decide`, { decision }, idempotencyKey)
}

export function withdrawApplication(id: string, idempotencyKey: string): Promise<TApplication> {
  return post(`/api/applications/${v(id)}/withdraw`, {}, idempotencyKey)
}

/** 确认工作记录: this side's days and pay; the answer says whether both sides agree. */
export function confirmWork(id: string, input: TWorkInput, idempotencyKey: string): Promise<TApplication> {
  return post<TResponseOf<typeof workContract>>(`/api/applications/${v(id)}/work`, input, idempotencyKey)
}
