import { formatPickupCode } from './points';
import { formatPhone } from './text';

/**
 * 通知模板 (logical): what each kind of notification says in the in-app inbox. The WeChat
 * subscribe-message template id and field keys for each are configuration (env
 * WECHAT_SUBSCRIBE_TEMPLATES), since they belong to the mini-program account.
 */
export const TEMPLATES = {
  join_request_new: {
    priority: 10,
    title: () => '新的入院申请',
    body: (p: P) => `${p.applicantName ?? '有人'}申请加入${p.courtyardName ?? '院落'}，请审核`,
    link: (p: P) => (p.courtyardId ? `/pkg-courtyard/requests/index?courtyardId=${p.courtyardId}` : '/pkg-courtyard/requests/index'),
  },
  join_request_decided: {
    priority: 0,
    title: (p: P) => (p.result === '已通过' ? '入院申请已通过' : '入院申请未通过'),
    body: (p: P) => (p.result === '已通过' ? `欢迎加入${p.courtyardName ?? '院落'}` : `原因：${p.reason ?? '未说明'}`),
    link: () => '/pages/me/index',
  },
  bin_task: { priority: 50, title: () => '新的清运任务', body: (p: P) => `${p.binLabel ?? '垃圾桶'}已满，请前往清运`, link: () => '/pkg-clean/tasks/index' },
  bin_cleaned: {
    priority: 0,
    title: () => '您报告的垃圾桶已清运',
    body: (p: P) => `${p.binLabel ?? '垃圾桶'}已清运${p.points ? `，获得${p.points}积分` : ''}，谢谢！`,
    link: () => '/pages/points/index',
  },
  bin_overdue: {
    priority: 30,
    title: () => '垃圾桶报满超时未清运',
    body: (p: P) => `${p.binLabel ?? '垃圾桶'}（${p.place ?? ''}）已报满超过4小时`,
    link: () => '/pages/index/index',
  },
  false_reports: {
    priority: 0,
    title: () => '多次误报提醒',
    body: (p: P) => `${p.personName ?? '有村民'}近30天有${p.count ?? ''}次误报`,
    link: () => '/pages/index/index',
  },
  request_new: { priority: 30, title: () => '新的找院长事项', body: (p: P) => `${p.requesterName ?? '村民'}：${p.summary ?? ''}`, link: requestLink },
  request_update: { priority: 0, title: () => '事项有新进展', body: (p: P) => `${p.summary ?? ''}：${p.status ?? ''}`, link: requestLink },
  request_escalated: {
    priority: 40,
    title: (p: P) => (p.tier === 'township' ? '事项转给镇街（报到镇街）' : '事项转给村里（吹哨到村）'),
    body: (p: P) => `${p.summary ?? ''}（${p.reason ?? '请尽快受理'}）`,
    link: requestLink,
  },
  request_overdue: { priority: 40, title: () => '事项已超时', body: (p: P) => `${p.summary ?? ''}：${p.status ?? '已超过办理时限'}`, link: requestLink },
  request_message: { priority: 10, title: () => '事项有新留言', body: (p: P) => `${p.authorName ?? ''}：${p.text ?? ''}`, link: requestLink },
  // both say what became of the pickup once it ended (`state`, set by restateNotification)
  redemption_ready: {
    priority: 0,
    title: (p: P) => PICKUP_ENDED_TITLE[String(p.state)] ?? '兑换商品可以领取了',
    body: (p: P) => pickupEndedBody(p) ?? `${p.rewardName ?? '商品'}，取货码 ${formatPickupCode(String(p.pickupCode ?? ''))}`,
    link: () => '/pages/points/index',
  },
  redemption_expiring: {
    priority: 0,
    title: (p: P) => PICKUP_ENDED_TITLE[String(p.state)] ?? '兑换商品即将过期',
    body: (p: P) => pickupEndedBody(p) ?? `${p.rewardName ?? '商品'}请在${p.expiresOn ?? '到期前'}领取，取货码 ${formatPickupCode(String(p.pickupCode ?? ''))}`,
    link: () => '/pages/points/index',
  },
  redemption_closed: {
    priority: 0,
    title: (p: P) => (p.state === 'expired' ? '兑换已过期' : '兑换已取消'),
    body: (p: P) => `${p.rewardName ?? '商品'}的${p.points ?? ''}积分已退回`,
    link: () => '/pages/points/index',
  },
  sos: {
    priority: 100,
    title: () => '一键呼叫：有人需要帮助',
    body: (p: P) => `${p.callerName ?? '村民'}（${p.address ?? ''}）请求帮助${p.phone ? `，电话 ${formatPhone(String(p.phone))}` : ''}`,
    link: sosLink,
  },
  sos_ack: {
    priority: 90,
    title: () => '有人正在赶来',
    body: (p: P) => `${p.responderName ?? ''}已响应您的呼叫${p.responderPhone ? `，电话 ${formatPhone(String(p.responderPhone))}` : ''}`,
    link: sosLink,
  },
  sos_update: {
    priority: 20,
    title: (p: P) => (p.state === 'cancelled' ? '呼叫已取消' : '呼叫已有人响应'),
    body: (p: P) => `${p.callerName ?? ''}的呼叫${p.state === 'cancelled' ? '已取消' : `由${p.responderName ?? ''}响应`}`,
    link: sosLink,
  },
  market_review_needed: {
    priority: 10,
    title: (p: P) => (p.kind === 'job' ? '有新的招工待审核' : '有新的商品待审核'),
    body: (p: P) => `${p.posterName ?? ''}：${p.title ?? ''}${p.flag ? `（${p.flag}）` : ''}`,
    link: () => '/pkg-market/review/index',
  },
  market_reviewed: {
    priority: 0,
    title: (p: P) => (p.result === 'approved' ? '已通过审核，已上架' : '未通过审核'),
    body: (p: P) => `${p.title ?? ''}${p.result === 'approved' ? '' : `：${p.reason ?? ''}`}`,
    link: marketLink,
  },
  market_expired: { priority: 0, title: () => '发布已到期下架', body: (p: P) => `${p.title ?? ''}已到期，可以重新发布`, link: marketLink },
  listing_intent: {
    priority: 20,
    title: () => '有人想买您的东西',
    body: (p: P) => `${p.buyerName ?? ''}想要${p.title ?? ''}${p.quantity ?? ''}${p.unit ?? ''}`,
    link: marketLink,
  },
  intent_decided: {
    priority: 10,
    title: (p: P) => (p.result === 'accepted' ? '卖家已接受您的意向' : '卖家婉拒了您的意向'),
    body: (p: P) =>
      p.result === 'accepted'
        ? `${p.title ?? ''}：请联系${p.sellerName ?? '卖家'} ${formatPhone(p.sellerPhone == null ? '' : String(p.sellerPhone))}`
        : `${p.title ?? ''}${p.reason ? `：${p.reason}` : ''}`,
    link: () => '/pkg-market/mine/index?tab=intents',
  },
  job_application: { priority: 20, title: () => '有人报名您的招工', body: (p: P) => `${p.workerName ?? ''}报名了${p.title ?? ''}`, link: marketLink },
  application_decided: {
    priority: 10,
    title: (p: P) => (p.result === 'accepted' ? '您被录用了' : '招工方婉拒了您的报名'),
    body: (p: P) => `${p.title ?? ''}${p.result === 'accepted' && p.posterPhone ? `，联系电话 ${formatPhone(String(p.posterPhone))}` : ''}`,
    link: () => '/pkg-market/mine/index?tab=applications',
  },
} satisfies Record<string, TTemplateSpec>;

function requestLink(p: P): string {
  return p.requestId ? `/pkg-request/detail/index?id=${p.requestId}` : '/pkg-request/mine/index';
}

function marketLink(p: P): string {
  if (p.jobId) return `/pkg-market/job/index?id=${p.jobId}`;
  return p.listingId ? `/pkg-market/listing/index?id=${p.listingId}` : '/pkg-market/mine/index';
}

function sosLink(p: P): string {
  return p.callId ? `/pkg-request/sos/index?id=${p.callId}` : '/pages/index/index';
}

type TTemplateSpec = { priority: number; title: (p: P) => string; body: (p: P) => string; link: (p: P) => string };

type P = Record<string, string | number | null | undefined>;

/** A pickup message once the redemption ended: 已领取 / 已取消 / 已过期 instead of 「可以领取了」. */
const PICKUP_ENDED_TITLE: Record<string, string> = { handed_over: '兑换商品已领取', cancelled: '兑换已取消', expired: '兑换已过期' };

function pickupEndedBody(p: P): string | null {
  if (p.state === 'handed_over') return `${p.rewardName ?? '商品'}已领取`;
  if (p.state === 'cancelled' || p.state === 'expired') return `${p.rewardName ?? '商品'}的取货码已作废`;
  return null;
}

export type TTemplate = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TTemplate[];

export function isTemplate(name: string): name is TTemplate {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, name);
}

/**
 * The inbox message for a notification. One about a numbered 找院长 request or 一键呼叫 call
 * (its payload carries `ticket`) ends its title with the 工单号 — 「事项有新进展 · Z260042」 —
 * so the number a villager reads on the phone is the one in every message.
 */
export function renderInbox(template: TTemplate, payload: P): { title: string; body: string; link: string } {
  const t: TTemplateSpec = TEMPLATES[template];
  const title = t.title(payload);
  return { title: payload.ticket ? `${title} · ${payload.ticket}` : title, body: t.body(payload), link: t.link(payload) };
}
