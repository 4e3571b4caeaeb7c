import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  browseJobs as browseJobsContract,
  confirmWork as workContract,
  createJob as createJobContract,
  decideApplication as decideApplicationContract,
  jobApplications as jobApplicationsContract,
  myApplications as myApplicationsContract,
  myJobs as myJobsContract,
  updateJob as updateJobContract,
  TApplication,
  TJob,
} from '../../../shared/contracts/jobs'
import type {
  browseListings as browseListingsContract,
  createIntent as createIntentContract,
  createListing as createListingContract,
  decideIntent as decideIntentContract,
  listingIntents as listingIntentsContract,
  myIntents as myIntentsContract,
  myListings as myListingsContract,
  reviewListing as reviewContract,
  updateListing as updateListingContract,
  TIntent,
  TListing,
} from '../../../shared/contracts/market'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

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

// ── 帮我卖 ──

/** 逛一逛: published listings, 村里推荐 first; pass the previous page's nextCursor for more. */
export function browseListings(filter: { category?: TListingCategory; villageId?: string }, cursor?: string | null, limit = 20): Promise<TListingPage> {
  return call(E.browseListings, { query: { ...filter, cursor: cursor ?? undefined, limit } })
}

export function getListing(id: string): Promise<TListing> {
  return call(E.getListing, { params: { id } })
}

export function myListings(): Promise<TResponseOf<typeof myListingsContract>> {
  return call(E.myListings)
}

/** 新建商品 (a draft). */
export function createListing(input: TListingInput, idempotencyKey: string): Promise<TListing> {
  return call(E.createListing, { body: input }, { idempotencyKey })
}

/** 修改 a draft or a rejected listing. */
export function updateListing(id: string, patch: TListingPatch, idempotencyKey: string): Promise<TListing> {
  return call(E.updateListing, { params: { id }, body: patch }, { idempotencyKey })
}

/** 提交审核: the content check runs first; the answer is pending_review, or rejected with the reason. */
export function submitListing(id: string, idempotencyKey: string): Promise<TListing> {
  return call(E.submitListing, { params: { id } }, { idempotencyKey })
}

export function reviewListing(id: string, decision: TReviewDecision, idempotencyKey: string): Promise<TListing> {
  return call(E.reviewListing, { params: { id }, body: decision }, { idempotencyKey })
}

/** 村里推荐 on or off (村干部). */
export function featureListing(id: string, featured: boolean, idempotencyKey: string): Promise<TListing> {
  return call(E.featureListing, { params: { id }, body: { featured } }, { idempotencyKey })
}

/** 标记售完 or 下架 (pending intents are declined with it). */
export function closeListing(id: string, state: 'sold_out' | 'closed', idempotencyKey: string): Promise<TListing> {
  return call(E.closeListing, { params: { id }, body: { state } }, { idempotencyKey })
}

/** 待审核 (its own file: 首页 counts it from the main package). */
export { reviewQueue, type TReviewQueue } from './market-review'

// ── 意向 ──

/** 我想要 (the seller is told). */
export function createIntent(listingId: string, input: TIntentInput, idempotencyKey: string): Promise<TIntent> {
  return call(E.createIntent, { params: { id: listingId }, body: input }, { idempotencyKey })
}

/** The intents a seller received for one listing. */
export function listingIntents(listingId: string): Promise<TResponseOf<typeof listingIntentsContract>> {
  return call(E.listingIntents, { params: { id: listingId } })
}

/** 我的意向: the seller's phone is there once accepted. */
export function myIntents(): Promise<TResponseOf<typeof myIntentsContract>> {
  return call(E.myIntents)
}

export function decideIntent(id: string, decision: TIntentDecision, idempotencyKey: string): Promise<TIntent> {
  return call(E.decideIntent, { params: { id }, body: decision }, { idempotencyKey })
}

export function cancelIntent(id: string, idempotencyKey: string): Promise<TIntent> {
  return call(E.cancelIntent, { params: { id } }, { idempotencyKey })
}

// ── 找活干 ──

export function browseJobs(filter: { villageId?: string }, cursor?: string | null, limit = 20): Promise<TJobPage> {
  return call(E.browseJobs, { query: { ...filter, cursor: cursor ?? undefined, limit } })
}

export function getJob(id: string): Promise<TJob> {
  return call(E.getJob, { params: { id } })
}

export function myJobs(): Promise<TResponseOf<typeof myJobsContract>> {
  return call(E.myJobs)
}

export function createJob(input: TJobInput, idempotencyKey: string): Promise<TJob> {
  return call(E.createJob, { body: input }, { idempotencyKey })
}

export function updateJob(id: string, patch: TJobPatch, idempotencyKey: string): Promise<TJob> {
  return call(E.updateJob, { params: { id }, body: patch }, { idempotencyKey })
}

export function submitJob(id: string, idempotencyKey: string): Promise<TJob> {
  return call(E.submitJob, { params: { id } }, { idempotencyKey })
}

export function reviewJob(id: string, decision: TReviewDecision, idempotencyKey: string): Promise<TJob> {
  return call(E.reviewJob, { params: { id }, body: decision }, { idempotencyKey })
}

/** 招工结束. */
export function closeJob(id: string, idempotencyKey: string): Promise<TJob> {
  return call(E.closeJob, { params: { id } }, { idempotencyKey })
}

// ── 报名 ──

export function applyJob(jobId: string, note: string, idempotencyKey: string): Promise<TApplication> {
  return call(E.applyJob, { params: { id: jobId }, body: { note } }, { idempotencyKey })
}

/** The poster's view of who applied (with their phones). */
export function jobApplications(jobId: string): Promise<TResponseOf<typeof jobApplicationsContract>> {
  return call(E.jobApplications, { params: { id: jobId } })
}

export function myApplications(): Promise<TResponseOf<typeof myApplicationsContract>> {
  return call(E.myApplications)
}

/** 录用 or 婉拒. */
export function decideApplication(id: string, decision: TApplicationDecision, idempotencyKey: string): Promise<TApplication> {
  return call(E.decideApplication, { params: { id }, body: { decision } }, { idempotencyKey })
}

export function withdrawApplication(id: string, idempotencyKey: string): Promise<TApplication> {
  return call(E.withdrawApplication, { params: { id } }, { idempotencyKey })
}

/** 确认工作记录: this side's days and pay; the answer says whether both sides agree. */
export function confirmWork(id: string, input: TWorkInput, idempotencyKey: string): Promise<TApplication> {
  return call(E.confirmWork, { params: { id }, body: input }, { idempotencyKey })
}
