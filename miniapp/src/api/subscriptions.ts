import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type { reportSubscriptions as reportContract, subscriptionTemplates } from '../../../shared/contracts/notifications'
import { request } from './request'

export type TSubscriptionTemplates = TResponseOf<typeof subscriptionTemplates>
export type TCredits = TResponseOf<typeof reportContract>['credits']

/** Logical template → WeChat template id, and how many pushes of each this person may still get. */
export function getSubscriptionTemplates(): Promise<TSubscriptionTemplates> {
  return request('/api/subscriptions/templates')
}

/** The WeChat template ids the person accepted in this ask (at most 3): one credit each. */
export function reportSubscriptions(accepted: string[], idempotencyKey: string): Promise<TResponseOf<typeof reportContract>> {
  return request('/api/subscriptions', {
    method: 'POST',
    body: { accepted } satisfies TBodyOf<typeof reportContract>,
    idempotencyKey,
  })
}
