import type { TTemplate } from '../../../shared/domain/notification-templates'

/**
 * 通知模板 → 中文, as village staff know them. Typed against the server's template list, so a
 * new template without a label here fails the type check.
 */
export const TEMPLATE_LABELS: Record<TTemplate, string> = {
  join_request_new: '入院申请通知',
  join_request_decided: '审核结果通知',
  bin_task: '清运任务',
  bin_cleaned: '清运完成通知',
  bin_overdue: '超时未清运提醒',
  false_reports: '误报提醒',
  request_new: '找院长新事项',
  request_update: '事项进展',
  request_escalated: '事项转给村里或镇街',
  request_overdue: '事项超时提醒',
  request_message: '事项留言',
  redemption_ready: '兑换领取',
  redemption_expiring: '兑换即将过期',
  redemption_closed: '兑换取消或过期',
  sos: '一键呼叫',
  sos_ack: '呼叫已响应',
  sos_update: '呼叫进展',
  market_review_needed: '待审核提醒',
  market_reviewed: '审核结果',
  market_expired: '到期下架',
  listing_intent: '购买意向',
  intent_decided: '意向结果',
  job_application: '报名提醒',
  application_decided: '录用结果',
}

export function templateLabel(template: string): string {
  return (TEMPLATE_LABELS as Record<string, string>)[template] ?? template
}

/** What happened to the WeChat push (the inbox copy is always there). */
const PUSH_LABELS: Record<string, string> = {
  sent: '已推送到微信',
  sending: '正在推送',
  no_channel: '没有绑定微信，只发到了「消息」',
  no_credit: '对方没有订阅提醒，只发到了「消息」',
  refused: '对方已取消订阅，只发到了「消息」',
  failed: '微信推送失败',
  unknown: '推送结果不明（不会重复推送）',
}

export function pushStateLabel(pushState: string | null): string {
  if (!pushState) return '尚未推送'
  return PUSH_LABELS[pushState] ?? pushState
}

/** WeChat's subscribe-send errors that retrying cannot fix, in words a cadre can act on. */
const WECHAT_ERRORS: Record<string, string> = {
  '47003': '提醒内容不符合微信的格式要求',
  '40003': '对方的微信身份无效',
  '41030': '提醒要打开的页面不存在',
  '40037': '微信提醒模板设置有误',
  '43101': '对方没有订阅这类提醒',
  '-1': '微信系统繁忙',
}

/**
 * The server's `lastError` is a technical note (English, for the log); this gives a Chinese
 * summary for the page, and the raw text is shown under it for whoever fixes it.
 */
export function failureSummary(lastError: string | null): string | null {
  if (!lastError) return null
  if (/^unknown template/i.test(lastError)) return '未知的通知类型，无法发送'
  const code = /errcode (-?\d+)/.exec(lastError)?.[1]
  const known = code ? WECHAT_ERRORS[code] : undefined
  const gaveUp = /^gave up after (\d+) attempts/i.exec(lastError)
  if (/^WeChat refused/i.test(lastError)) return known ? `微信拒收：${known}` : '微信拒收了这条提醒'
  if (gaveUp) {
    const why = known ?? (/network|HTTP|timeout|unreadable|abort/i.test(lastError) ? '网络或微信服务暂时不通' : '发送出错')
    return `试了 ${gaveUp[1]} 次都没有发出去（${why}）`
  }
  return known ?? '发送出错'
}
