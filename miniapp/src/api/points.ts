import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  adjustPoints as adjustContract,
  cancelRedemption as cancelContract,
  createReward as createRewardContract,
  getHouseholdPoints as householdContract,
  getMyPoints as myPointsContract,
  handOverRedemption as handOverContract,
  listCourtyardPeople as courtyardPeopleContract,
  listMyRedemptions as myRedemptionsContract,
  listPointsRules as rulesContract,
  listRewards as rewardsContract,
  listVillageRedemptions as villageRedemptionsContract,
  redeemReward as redeemContract,
  updatePointsRule as updateRuleContract,
  updatePointsSettings as settingsContract,
  updateReward as updateRewardContract,
  villageLeaderboard as leaderboardContract,
  TBoardResponse,
  TLedgerItem,
  TPointsRule,
  TRedemption,
  TReward,
} from '../../../shared/contracts/points'
import { request } from './request'

export type { TBoardResponse, TLedgerItem, TPointsRule, TRedemption, TReward }
export type TMyPoints = TResponseOf<typeof myPointsContract>
export type THouseholdPoints = TResponseOf<typeof householdContract>
export type TRulesPage = TResponseOf<typeof rulesContract>
export type TRuleChange = TRulesPage['changes'][number]
export type TRedemptionState = TRedemption['state']
export type TBoard = 'person' | 'household' | 'courtyard'
export type TBoardBy = 'total' | 'perHousehold'
export type TBoardItem = TBoardResponse['items'][number]
export type TRewardInput = TBodyOf<typeof createRewardContract>
export type TRewardPatch = TBodyOf<typeof updateRewardContract>
export type TCourtyardPerson = TResponseOf<typeof courtyardPeopleContract>['items'][number]

const v = (id: string) => encodeURIComponent(id)

/** 我的积分: balance and one page of 积分明细 (pass the previous page's nextCursor for more). */
export function getMyPoints(cursor?: string | null, limit = 20): Promise<TMyPoints> {
  return request('/api/points/me', { query: { limit, cursor: cursor ?? undefined } })
}

/** 户积分: the household's members with their balances and the household's 明细. */
export function getHouseholdPoints(householdId: string, cursor?: string | null, limit = 20): Promise<THouseholdPoints> {
  return request(`/api/households/${v(householdId)}/points`, { query: { limit, cursor: cursor ?? undefined } })
}

/** 积分超市. Village cadres also get the inactive rewards (to manage them). */
export function listRewards(villageId: string): Promise<TResponseOf<typeof rewardsContract>> {
  return request(`/api/villages/${v(villageId)}/rewards`)
}

/** 兑换: takes the points and one from stock, answers the pickup code. */
export function redeem(rewardId: string, idempotencyKey: string): Promise<TRedemption> {
  return request<TResponseOf<typeof redeemContract>>(`/api/rewards/${v(rewardId)}/redeem`, { method: 'POST', body: {}, idempotencyKey })
}

export function listMyRedemptions(): Promise<TResponseOf<typeof myRedemptionsContract>> {
  return request('/api/redemptions/mine')
}

/** 取消兑换: points and stock come back. */
export function cancelRedemption(id: string, idempotencyKey: string): Promise<TRedemption> {
  return request<TResponseOf<typeof cancelContract>>(`/api/redemptions/${v(id)}/cancel`, { method: 'POST', body: {}, idempotencyKey })
}

/** 店员凭取货码发放. */
export function handOver(villageId: string, pickupCode: string, idempotencyKey: string): Promise<TRedemption> {
  return request<TResponseOf<typeof handOverContract>>(`/api/villages/${v(villageId)}/handover`, {
    method: 'POST',
    body: { pickupCode } satisfies TBodyOf<typeof handOverContract>,
    idempotencyKey,
  })
}

export function listVillageRedemptions(
  villageId: string,
  state: TRedemptionState = 'reserved',
): Promise<TResponseOf<typeof villageRedemptionsContract>> {
  return request(`/api/villages/${v(villageId)}/redemptions`, { query: { state } })
}

/** 积分榜 of a village; `period` is 'all' or 'YYYY-MM'. */
export function getLeaderboard(
  villageId: string,
  q: { board: TBoard; period: string; by?: TBoardBy; limit?: number },
): Promise<TResponseOf<typeof leaderboardContract>> {
  return request(`/api/villages/${v(villageId)}/leaderboard`, {
    query: { board: q.board, period: q.period, by: q.board === 'courtyard' ? (q.by ?? 'total') : undefined, limit: q.limit },
  })
}

/** 积分规则, their change history and the shop's expiry setting. */
export function listPointsRules(villageId: string): Promise<TRulesPage> {
  return request(`/api/villages/${v(villageId)}/points-rules`)
}

export function updatePointsRule(
  villageId: string,
  eventKind: TPointsRule['eventKind'],
  body: TBodyOf<typeof updateRuleContract>,
  idempotencyKey: string,
): Promise<TPointsRule> {
  return request<TResponseOf<typeof updateRuleContract>>(`/api/villages/${v(villageId)}/points-rules/${v(eventKind)}`, {
    method: 'PUT',
    body,
    idempotencyKey,
  })
}

export function updatePointsSettings(
  villageId: string,
  body: TBodyOf<typeof settingsContract>,
  idempotencyKey: string,
): Promise<TResponseOf<typeof settingsContract>> {
  return request(`/api/villages/${v(villageId)}/points-settings`, { method: 'PUT', body, idempotencyKey })
}

export function createReward(villageId: string, body: TRewardInput, idempotencyKey: string): Promise<TReward> {
  return request<TResponseOf<typeof createRewardContract>>(`/api/villages/${v(villageId)}/rewards`, { method: 'POST', body, idempotencyKey })
}

export function updateReward(id: string, body: TRewardPatch, idempotencyKey: string): Promise<TReward> {
  return request<TResponseOf<typeof updateRewardContract>>(`/api/rewards/${v(id)}`, { method: 'PATCH', body, idempotencyKey })
}

/** 院落村民 with balances (院长/村干部 choosing whom to award). */
export function listCourtyardPeople(courtyardId: string): Promise<TResponseOf<typeof courtyardPeopleContract>> {
  return request(`/api/courtyards/${v(courtyardId)}/people`)
}

/** 人工加分 (amount > 0) or 扣分 (amount < 0), with a reason the villager sees. */
export function adjustPoints(
  personId: string,
  body: TBodyOf<typeof adjustContract>,
  idempotencyKey: string,
): Promise<TResponseOf<typeof adjustContract>> {
  return request(`/api/people/${v(personId)}/points`, { method: 'POST', body, idempotencyKey })
}

/** 兑换状态 → 中文. */
export const REDEMPTION_STATE_LABEL: Record<TRedemptionState, string> = {
  reserved: '待领取',
  handed_over: '已领取',
  cancelled: '已取消',
  expired: '已过期',
}
