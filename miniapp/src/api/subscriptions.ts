import type { TResponseOf } from '../../../shared/contracts/define'
import type { reportSubscriptions as reportContract, subscriptionTemplates } from '../../../shared/contracts/notifications'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type TSubscriptionTemplates = TResponseOf<typeof subscriptionTemplates>
export type TCredits = TResponseOf<typeof reportContract>['credits']

/** Logical template → WeChat template id, and how many pushes of each this person may still get. */
export function getSubscriptionTemplates(): Promise<TSubscriptionTemplates> {
  return call(E.subscriptionTemplates)
}

/** The WeChat template ids the person accepted in this ask (at most 3): one credit each. */
export function reportSubscriptions(accepted: string[], idempotencyKey: string): Promise<TResponseOf<typeof reportContract>> {
  return call(E.reportSubscriptions, { body: { accepted } }, { idempotencyKey })
}
