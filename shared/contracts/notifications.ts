import * as z from 'zod';
import { defineContract } from './define';
import { NOTIFICATION_STATES, PUSH_STATES } from '../domain/notifications';
import { OA_STATES, REACH_STATUSES } from '../domain/staff-reach';
import { ZRole } from './common';

export const ZInboxItem = z.object({
  id: z.string(),
  template: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  priority: z.number(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const listInbox = defineContract({
  method: 'GET',
  path: '/api/inbox',
  summary: '消息：我的站内消息（新的在前）',
  tag: 'notifications',
  query: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) }),
  response: z.object({ items: z.array(ZInboxItem), unread: z.number().int(), nextCursor: z.string().nullable() }),
});

export const unreadCount = defineContract({
  method: 'GET',
  path: '/api/inbox/unread-count',
  summary: '未读消息数（角标）',
  tag: 'notifications',
  response: z.object({ unread: z.number().int() }),
});

export const markInboxRead = defineContract({
  method: 'POST',
  path: '/api/inbox/{id}/read',
  summary: '标记一条消息已读',
  tag: 'notifications',
  params: z.object({ id: z.uuid() }),
  response: z.object({ unread: z.number().int() }),
});

export const markAllInboxRead = defineContract({
  method: 'POST',
  path: '/api/inbox/read-all',
  summary: '全部标记已读',
  tag: 'notifications',
  response: z.object({ unread: z.number().int() }),
});

export const subscriptionTemplates = defineContract({
  method: 'GET',
  path: '/api/subscriptions/templates',
  summary: '订阅消息模板：逻辑模板 → 微信模板 ID（客户端请求订阅时使用），哪些是长期订阅、我已长期开启哪些',
  tag: 'notifications',
  response: z.object({
    templates: z.record(z.string(), z.string()),
    credits: z.record(z.string(), z.number().int()),
    /** 长期订阅 templates: accepted once, every later message is free */
    longTerm: z.array(z.string()),
    /** the long-term templates this person already accepted (no need to ask again) */
    longTermHeld: z.array(z.string()),
  }),
});

export const reportSubscriptions = defineContract({
  method: 'POST',
  path: '/api/subscriptions',
  summary: '上报用户同意的订阅消息（一次性模板每次同意计一次；长期模板同意一次即长期有效）',
  tag: 'notifications',
  body: z.object({ accepted: z.array(z.string().min(1).max(128)).max(3) }),
  response: z.object({ credits: z.record(z.string(), z.number().int()), longTermHeld: z.array(z.string()) }),
});

export const ZNotificationState = z.enum(NOTIFICATION_STATES);

export const ZNotificationSummary = z.object({
  id: z.string(),
  recipient: z.object({ id: z.string(), name: z.string() }),
  template: z.string(),
  state: ZNotificationState,
  pushState: z.enum(PUSH_STATES).nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type TNotificationSummary = z.infer<typeof ZNotificationSummary>;

export const listVillageNotifications = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/notifications',
  summary: '村里的通知投递情况（默认只看失败的）',
  tag: 'notifications',
  params: z.object({ villageId: z.uuid() }),
  query: z.object({ state: ZNotificationState.default('failed') }),
  response: z.object({ items: z.array(ZNotificationSummary) }),
});

export const retryNotification = defineContract({
  method: 'POST',
  path: '/api/notifications/{id}/retry',
  summary: '重新投递一条失败的通知（村干部）',
  tag: 'notifications',
  params: z.object({ id: z.uuid() }),
  response: ZNotificationSummary,
});

/** What can reach one member of staff (村干部 see it beside the failed notifications). */
export const ZStaffReach = z.object({
  personId: z.string(),
  name: z.string(),
  roles: z.array(ZRole),
  channels: z.object({
    /** signed in to the mini-program with WeChat (subscribe messages need its openid) */
    miniProgram: z.boolean(),
    /** 长期订阅 templates they accepted (only those still configured long-term) */
    longTerm: z.array(z.string()),
    /** 一次性订阅: credits left per template (only templates with some left) */
    credits: z.record(z.string(), z.number().int()),
    oa: z.enum(OA_STATES),
    /** the mobile number SMS would go to, masked (138****5678); null: none usable on file */
    phone: z.string().nullable(),
  }),
  reach: z.enum(REACH_STATUSES),
});
export type TStaffReach = z.infer<typeof ZStaffReach>;

export const villageStaffReach = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/reachability',
  summary: '工作人员能否收到通知：每人的渠道（小程序订阅、公众号、短信）与触达状态，收不到的在前',
  tag: 'notifications',
  params: z.object({ villageId: z.uuid() }),
  response: z.object({
    items: z.array(ZStaffReach),
    counts: z.record(z.enum(REACH_STATUSES), z.number().int()),
    /** which channels this deployment runs (a 公众号 follower or a phone helps only when on) */
    channelsOn: z.object({ oa: z.boolean(), sms: z.boolean() }),
  }),
});

export const cronDispatch = defineContract({
  method: 'GET',
  path: '/api/cron/dispatch',
  summary: '定时触发：投递到期通知、执行到期定时任务（需 CRON_SECRET）',
  tag: 'system',
  response: z.object({
    jobs: z.number().int(),
    jobsFailed: z.number().int(),
    delivered: z.number().int(),
    retry: z.number().int(),
    failed: z.number().int(),
    passes: z.number().int(),
  }),
});
