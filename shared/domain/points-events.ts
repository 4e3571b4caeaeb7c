/**
 * 积分事项: the event kinds a village can attach points to, with their Chinese names. Later
 * features post through awardPoints with one of these; cadres set the points per village.
 */
export const POINTS_EVENT_KINDS = [
  'bin_report_first',
  'bin_report_join',
  'request_confirmed',
  'request_participation',
  'meeting_attended',
  'volunteer',
  'tidy_yard',
] as const;
export type TPointsEvent = (typeof POINTS_EVENT_KINDS)[number];

export const POINTS_EVENTS = {
  bin_report_first: '扫码报满（首报）',
  bin_report_join: '扫码报满（我也遇到了）',
  request_confirmed: '找院长事项办结',
  // the requester's points when they confirm a 找院长 they raised (not 议事, which has no event yet)
  request_participation: '找院长：反映问题并确认',
  meeting_attended: '参加院落主题日',
  volunteer: '志愿服务',
  tidy_yard: '庭院整洁',
} as const satisfies Record<TPointsEvent, string>;

export function isPointsEvent(kind: string): kind is TPointsEvent {
  return POINTS_EVENT_KINDS.some((k) => k === kind);
}

/** What a ledger reason code means to a villager reading 积分明细. */
export function reasonLabel(reasonCode: string): string {
  if (reasonCode.startsWith('rule:')) {
    const kind = reasonCode.slice('rule:'.length);
    return isPointsEvent(kind) ? POINTS_EVENTS[kind] : '积分奖励';
  }
  return (
    ({ manual_award: '人工加分', manual_deduct: '人工扣分', redeem: '积分兑换', redeem_refund: '兑换退回' } as Record<string, string>)[reasonCode] ?? reasonCode
  );
}
