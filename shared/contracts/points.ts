import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed } from './common';
import { POINTS_EVENT_KINDS } from '../domain/points-events';
import { BOARD_KINDS, PERIOD_RE, REDEMPTION_STATES } from '../domain/points';

const ZRedemptionState = z.enum(REDEMPTION_STATES);
const ZCursorQuery = z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });

export const ZLedgerItem = z.object({
  id: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  reasonCode: z.string(),
  source: z.object({ kind: z.string(), id: z.string() }),
  note: z.string().nullable(),
  person: ZNamed,
  createdAt: z.string(),
});
export type TLedgerItem = z.infer<typeof ZLedgerItem>;

export const getMyPoints = defineContract({
  method: 'GET',
  path: '/api/points/me',
  summary: '我的积分：余额与明细',
  tag: 'points',
  query: ZCursorQuery,
  response: z.object({ balance: z.number().int(), items: z.array(ZLedgerItem), nextCursor: z.string().nullable() }),
});

export const getHouseholdPoints = defineContract({
  method: 'GET',
  path: '/api/households/{householdId}/points',
  summary: '户积分：成员余额与明细',
  tag: 'points',
  params: z.object({ householdId: z.uuid() }),
  query: ZCursorQuery,
  response: z.object({
    household: z.object({ id: z.string(), label: z.string() }),
    balance: z.number().int(),
    members: z.array(z.object({ id: z.string(), name: z.string(), balance: z.number().int() })),
    items: z.array(ZLedgerItem),
    nextCursor: z.string().nullable(),
  }),
});

export const adjustPoints = defineContract({
  method: 'POST',
  path: '/api/people/{personId}/points',
  summary: '院长/村干部人工加分或扣分（须填写原因）',
  tag: 'points',
  status: 201,
  params: z.object({ personId: z.uuid() }),
  body: z.object({
    amount: z
      .number()
      .int()
      .min(-1000, '单次最多扣1000分')
      .max(1000, '单次最多加1000分')
      .refine((n) => n !== 0, '分值不能为0'),
    reason: z.string().trim().min(1, '请填写原因').max(100),
  }),
  response: z.object({ balance: z.number().int(), entry: ZLedgerItem }),
});

export const listCourtyardPeople = defineContract({
  method: 'GET',
  path: '/api/courtyards/{courtyardId}/people',
  summary: '院落的村民与积分余额（院长/村干部，人工加减分时选人）',
  tag: 'points',
  params: z.object({ courtyardId: z.uuid() }),
  response: z.object({
    items: z.array(z.object({ id: z.string(), name: z.string(), household: z.object({ id: z.string(), label: z.string() }), balance: z.number().int() })),
  }),
});

export const ZPointsRule = z.object({
  eventKind: z.enum(POINTS_EVENT_KINDS),
  label: z.string(),
  points: z.number().int(),
  dailyCap: z.number().int().nullable(),
});
export type TPointsRule = z.infer<typeof ZPointsRule>;

export const listPointsRules = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/points-rules',
  summary: '村积分规则与修改记录',
  tag: 'points',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({
    rules: z.array(ZPointsRule),
    changes: z.array(
      z.object({
        eventKind: z.string(),
        oldPoints: z.number().int().nullable(),
        newPoints: z.number().int().nullable(),
        oldCap: z.number().int().nullable(),
        newCap: z.number().int().nullable(),
        changedBy: ZNamed,
        changedAt: z.string(),
      }),
    ),
    redemptionExpiryDays: z.number().int(),
  }),
});

export const updatePointsRule = defineContract({
  method: 'PUT',
  path: '/api/villages/{villageId}/points-rules/{eventKind}',
  summary: '修改一条积分规则（留痕）',
  tag: 'points',
  params: z.object({ villageId: z.uuid(), eventKind: z.enum(POINTS_EVENT_KINDS) }),
  body: z.object({ points: z.number().int().min(0).max(1000), dailyCap: z.number().int().min(1).max(10000).nullable() }),
  response: ZPointsRule,
});

export const updatePointsSettings = defineContract({
  method: 'PUT',
  path: '/api/villages/{villageId}/points-settings',
  summary: '积分超市设置（未领取兑换的过期天数）',
  tag: 'points',
  params: z.object({ villageId: z.uuid() }),
  body: z.object({ redemptionExpiryDays: z.number().int().min(1).max(90) }),
  response: z.object({ redemptionExpiryDays: z.number().int() }),
});

export const ZReward = z.object({
  id: z.string(),
  villageId: z.string(),
  name: z.string(),
  pictureUrl: z.string().nullable(),
  price: z.number().int(),
  stock: z.number().int(),
  perPersonLimit: z.number().int().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  active: z.boolean(),
  open: z.boolean(),
});
export type TReward = z.infer<typeof ZReward>;

const ZRewardFields = z.object({
  name: z.string().trim().min(1, '请填写商品名称').max(30),
  pictureUrl: z.string().url().max(500).nullable().optional(),
  price: z.number().int().min(1, '所需积分至少为1').max(100000),
  stock: z.number().int().min(0).max(100000),
  perPersonLimit: z.number().int().min(1).max(1000).nullable().optional(),
  startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  active: z.boolean().optional(),
});

export const listRewards = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/rewards',
  summary: '积分超市商品',
  tag: 'points',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({ items: z.array(ZReward) }),
});

export const createReward = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/rewards',
  summary: '上架商品（村干部）',
  tag: 'points',
  status: 201,
  params: z.object({ villageId: z.uuid() }),
  body: ZRewardFields,
  response: ZReward,
});

export const updateReward = defineContract({
  method: 'PATCH',
  path: '/api/rewards/{id}',
  summary: '修改商品（村干部）',
  tag: 'points',
  params: z.object({ id: z.uuid() }),
  body: ZRewardFields.partial(),
  response: ZReward,
});

export const ZRedemption = z.object({
  id: z.string(),
  reward: ZNamed,
  person: ZNamed,
  points: z.number().int(),
  pickupCode: z.string(),
  state: ZRedemptionState,
  expiresAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TRedemption = z.infer<typeof ZRedemption>;

export const redeemReward = defineContract({
  method: 'POST',
  path: '/api/rewards/{id}/redeem',
  summary: '兑换商品：扣积分、占库存、生成取货码',
  tag: 'points',
  status: 201,
  params: z.object({ id: z.uuid() }),
  response: ZRedemption,
});

export const listMyRedemptions = defineContract({
  method: 'GET',
  path: '/api/redemptions/mine',
  summary: '我的兑换',
  tag: 'points',
  response: z.object({ items: z.array(ZRedemption) }),
});

export const cancelRedemption = defineContract({
  method: 'POST',
  path: '/api/redemptions/{id}/cancel',
  summary: '取消兑换（本人或村干部）：退回积分与库存',
  tag: 'points',
  params: z.object({ id: z.uuid() }),
  response: ZRedemption,
});

export const handOverRedemption = defineContract({
  method: 'POST',
  path: '/api/villages/{villageId}/handover',
  summary: '凭取货码发放商品（店员/村干部）',
  tag: 'points',
  params: z.object({ villageId: z.uuid() }),
  body: z.object({ pickupCode: z.string().trim().min(4).max(32) }),
  response: ZRedemption,
});

export const listVillageRedemptions = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/redemptions',
  summary: '村里的兑换（店员/村干部）',
  tag: 'points',
  params: z.object({ villageId: z.uuid() }),
  query: z.object({ state: ZRedemptionState.optional() }),
  response: z.object({ items: z.array(ZRedemption) }),
});

export const ZBoard = z.enum(BOARD_KINDS);
export const ZPeriod = z.string().regex(PERIOD_RE, '期间为 all 或 YYYY-MM');

export const ZBoardItem = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  total: z.number().int(),
  households: z.number().int().optional(),
  perHousehold: z.number().optional(),
});

const ZBoardResponse = z.object({
  board: ZBoard,
  period: z.string(),
  items: z.array(ZBoardItem),
  me: z.object({ id: z.string(), rank: z.number().int().nullable(), total: z.number().int() }).nullable(),
});
export type TBoardResponse = z.infer<typeof ZBoardResponse>;

export const villageLeaderboard = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/leaderboard',
  summary: '挂榜晾晒：村内个人/户/院落积分榜',
  tag: 'points',
  params: z.object({ villageId: z.uuid() }),
  query: z.object({
    board: ZBoard.default('person'),
    period: ZPeriod.default('all'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** courtyards only: rank by total or by total per household */
    by: z.enum(['total', 'perHousehold']).default('total'),
  }),
  response: ZBoardResponse,
});

export const townshipLeaderboard = defineContract({
  method: 'GET',
  path: '/api/townships/{townshipId}/leaderboard',
  summary: '镇街院落积分榜（跨村）',
  tag: 'points',
  params: z.object({ townshipId: z.uuid() }),
  query: z.object({
    period: ZPeriod.default('all'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    by: z.enum(['total', 'perHousehold']).default('total'),
  }),
  response: ZBoardResponse,
});
