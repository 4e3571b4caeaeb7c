/**
 * 积分事项: the event kinds a village can attach points to, with their Chinese names. Later
 * features post through awardPoints with one of these; cadres set the points per village.
 */
export const POINTS_EVENTS = {
  bin_report_first: '扫码报满（首报）',
  bin_report_join: '扫码报满（附议）',
  request_confirmed: '找院长事项办结',
  request_participation: '参与院落议事',
  meeting_attended: '参加院落主题日',
  volunteer: '志愿服务',
  tidy_yard: '庭院整洁',
} as const;

export type TPointsEvent = keyof typeof POINTS_EVENTS;
export const POINTS_EVENT_KINDS = Object.keys(POINTS_EVENTS) as [TPointsEvent, ...TPointsEvent[]];

/** What a ledger reason code means to a villager reading 积分明细. */
export function reasonLabel(reasonCode: string): string {
  if (reasonCode.startsWith('rule:')) return POINTS_EVENTS[reasonCode.slice(5) as TPointsEvent] ?? '积分奖励';
  return (
    { manual_award: '人工加分', manual_deduct: '人工扣分', redeem: '积分兑换', redeem_refund: '兑换退回' } as Record<string, string>
  )[reasonCode] ?? reasonCode;
}
