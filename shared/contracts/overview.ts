import * as z from 'zod';
import { defineContract } from './define';

const ZDays = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

const ZOverview = z.object({
  days: z.number().int(),
  /** first and last China day of the window ('YYYY-MM-DD'), and the China month households are counted in */
  from: z.string(),
  to: z.string(),
  month: z.string(),
  headline: z.object({
    binReports: z.number().int(),
    binsCleaned: z.number().int(),
    requestsOpened: z.number().int(),
    requestsClosed: z.number().int(),
    /** now, over requests made in the last `days` days (as 找院长统计) */
    requestsOpenNow: z.number().int(),
    requestsOverdueNow: z.number().int(),
    resolutionRate: z.number(),
    satisfaction: z.number().nullable(),
    pointsIssued: z.number().int(),
    pointsRedeemed: z.number().int(),
    households: z.number().int(),
    householdsTakingPart: z.number().int(),
  }),
  /** one row per China day of the window, oldest first */
  daily: z.array(
    z.object({
      day: z.string(),
      binReports: z.number().int(),
      binsCleaned: z.number().int(),
      medianMinutesToClean: z.number().nullable(),
      p90MinutesToClean: z.number().nullable(),
      requestsOpened: z.number().int(),
      /** 办结 that day (resolved, confirmed or not) */
      requestsClosed: z.number().int(),
      /** flagged overdue that day (a deadline passed with nobody moving it) */
      requestsOverdue: z.number().int(),
      pointsIssued: z.number().int(),
      pointsRedeemed: z.number().int(),
    }),
  ),
  /** per courtyard (village) or per village (township); a courtyard's one row is itself */
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      requests: z.number().int(),
      resolved: z.number().int(),
      resolutionRate: z.number(),
      satisfaction: z.number().nullable(),
      ratings: z.number().int(),
      households: z.number().int(),
      householdsTakingPart: z.number().int(),
    }),
  ),
});
export type TOverview = z.infer<typeof ZOverview>;

export const villageOverview = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/overview',
  summary: '数据概览：每日报满与清运用时、找院长新增/办结/超时、积分发放与兑换，分院落办结率、满意度与本月参与户数',
  tag: 'overview',
  params: z.object({ villageId: z.uuid() }),
  query: ZDays,
  response: ZOverview,
});

export const townshipOverview = defineContract({
  method: 'GET',
  path: '/api/townships/{townshipId}/overview',
  summary: '数据概览，分村（镇街）',
  tag: 'overview',
  params: z.object({ townshipId: z.uuid() }),
  query: ZDays,
  response: ZOverview,
});

export const courtyardOverview = defineContract({
  method: 'GET',
  path: '/api/courtyards/{courtyardId}/overview',
  summary: '数据概览（院长）：本院落的每日报满与清运用时、找院长新增/办结/超时、积分发放与兑换、办结率、满意度与本月参与户数',
  tag: 'overview',
  params: z.object({ courtyardId: z.uuid() }),
  query: ZDays,
  response: ZOverview,
});
