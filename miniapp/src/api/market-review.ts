import type { TResponseOf } from '../../../shared/contracts/define'
import type { listingReviewQueue as reviewQueueContract } from '../../../shared/contracts/jobs'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

// Apart from api/market.ts so 首页's 待审核 count brings only this into the main package.

export type TReviewQueue = TResponseOf<typeof reviewQueueContract>

/** 待审核: pending listings and jobs in the reviewer's scope (院长: courtyard; 村干部: village). */
export function reviewQueue(): Promise<TReviewQueue> {
  return call(E.listingReviewQueue)
}
