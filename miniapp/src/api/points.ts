import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  adjustPoints as adjustContract,
  createReward as createRewardContract,
  getHouseholdPoints as householdContract,
  getMyPoints as myPointsContract,
  listCourtyardPeople as courtyardPeopleContract,
  listMyRedemptions as myRedemptionsContract,
  listPointsRules as rulesContract,
  listRewards as rewardsContract,
  listVillageRedemptions as villageRedemptionsContract,
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
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

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

/** 我的积分: balance and one page of 积分明细 (pass the previous page's nextCursor for more). */
export function getMyPoints(cursor?: string | null, limit = 20): Promise<TMyPoints> {
  return call(E.getMyPoints, { query: { limit, cursor: cursor ?? undefined } })
}

/** 户积分: the household's members with their balances and the household's 明细. */
export function getHouseholdPoints(householdId: string, cursor?: string | null, limit = 20): Promise<THouseholdPoints> {
  return call(E.getHouseholdPoints, { params: { householdId }, query: { limit, cursor: cursor ?? undefined } })
}

/** 积分超市. Village cadres also get the inactive rewards (to manage them). */
export function listRewards(villageId: string): Promise<TResponseOf<typeof rewardsContract>> {
  return call(E.listRewards, { params: { villageId } })
}

/** 兑换: takes the points and one from stock, answers the pickup code. */
export function redeem(rewardId: string, idempotencyKey: string): Promise<TRedemption> {
  return call(E.redeemReward, { params: { id: rewardId } }, { idempotencyKey })
}

export function listMyRedemptions(): Promise<TResponseOf<typeof myRedemptionsContract>> {
  return call(E.listMyRedemptions)
}

/** 取消兑换: points and stock come back. */
export function cancelRedemption(id: string, idempotencyKey: string): Promise<TRedemption> {
  return call(E.cancelRedemption, { params: { id } }, { idempotencyKey })
}

/** 店员凭取货码发放. */
export function handOver(villageId: string, pickupCode: string, idempotencyKey: string): Promise<TRedemption> {
  return call(E.handOverRedemption, { params: { villageId }, body: { pickupCode } }, { idempotencyKey })
}

export function listVillageRedemptions(villageId: string, state: TRedemptionState = 'reserved'): Promise<TResponseOf<typeof villageRedemptionsContract>> {
  return call(E.listVillageRedemptions, { params: { villageId }, query: { state } })
}

/** 积分榜 of a village; `period` is 'all' or 'YYYY-MM'. */
export function getLeaderboard(
  villageId: string,
  q: { board: TBoard; period: string; by?: TBoardBy; limit?: number },
): Promise<TResponseOf<typeof leaderboardContract>> {
  return call(E.villageLeaderboard, {
    params: { villageId },
    query: { board: q.board, period: q.period, by: q.board === 'courtyard' ? (q.by ?? 'total') : undefined, limit: q.limit },
  })
}

/** 积分规则, their change history and the shop's expiry setting. */
export function listPointsRules(villageId: string): Promise<TRulesPage> {
  return call(E.listPointsRules, { params: { villageId } })
}

export function updatePointsRule(
  villageId: string,
  eventKind: TPointsRule['eventKind'],
  body: TBodyOf<typeof updateRuleContract>,
  idempotencyKey: string,
): Promise<TPointsRule> {
  return call(E.updatePointsRule, { params: { villageId, eventKind }, body }, { idempotencyKey })
}

export function updatePointsSettings(
  villageId: string,
  body: TBodyOf<typeof settingsContract>,
  idempotencyKey: string,
): Promise<TResponseOf<typeof settingsContract>> {
  return call(E.updatePointsSettings, { params: { villageId }, body }, { idempotencyKey })
}

export function createReward(villageId: string, body: TRewardInput, idempotencyKey: string): Promise<TReward> {
  return call(E.createReward, { params: { villageId }, body }, { idempotencyKey })
}

export function updateReward(id: string, body: TRewardPatch, idempotencyKey: string): Promise<TReward> {
  return call(E.updateReward, { params: { id }, body }, { idempotencyKey })
}

/** 院落村民 with balances (院长/村干部 choosing whom to award). */
export function listCourtyardPeople(courtyardId: string): Promise<TResponseOf<typeof courtyardPeopleContract>> {
  return call(E.listCourtyardPeople, { params: { courtyardId } })
}

/** 人工加分 (amount > 0) or 扣分 (amount < 0), with a reason the villager sees. */
export function adjustPoints(personId: string, body: TBodyOf<typeof adjustContract>, idempotencyKey: string): Promise<TResponseOf<typeof adjustContract>> {
  return call(E.adjustPoints, { params: { personId }, body }, { idempotencyKey })
}

/** 兑换状态 → 中文. */
export const REDEMPTION_STATE_LABEL: Record<TRedemptionState, string> = {
  reserved: '待领取',
  handed_over: '已领取',
  cancelled: '已取消',
  expired: '已过期',
}
