import type { TResponseOf } from '../../../shared/contracts/define'
import type {
  listInbox as listInboxContract,
  markAllInboxRead,
  markInboxRead,
  unreadCount,
  TInboxItem,
} from '../../../shared/contracts/notifications'
import { request } from './request'

export type { TInboxItem }
export type TInboxPage = TResponseOf<typeof listInboxContract>

/** 未读消息数 (the badge on 首页 and 我的). */
export function getUnreadCount(): Promise<TResponseOf<typeof unreadCount>> {
  return request('/api/inbox/unread-count')
}

/** 消息, newest first; pass the previous page's `nextCursor` for the next page. */
export function listInbox(cursor?: string | null, limit = 20): Promise<TInboxPage> {
  return request('/api/inbox', { query: { limit, cursor: cursor ?? undefined } })
}

export function markRead(id: string, idempotencyKey: string): Promise<TResponseOf<typeof markInboxRead>> {
  return request(`/api/inbox/${encodeURIComponent(id)}/read`, { method: 'POST', body: {}, idempotencyKey })
}

export function markAllRead(idempotencyKey: string): Promise<TResponseOf<typeof markAllInboxRead>> {
  return request('/api/inbox/read-all', { method: 'POST', body: {}, idempotencyKey })
}
