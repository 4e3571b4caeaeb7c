import type { TResponseOf } from '../../../shared/contracts/define'
import type { listInbox as listInboxContract, markAllInboxRead, markInboxRead, unreadCount, TInboxItem } from '../../../shared/contracts/notifications'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TInboxItem }
export type TInboxPage = TResponseOf<typeof listInboxContract>

/** 未读消息数 (the badge on 首页 and 我的). */
export function getUnreadCount(): Promise<TResponseOf<typeof unreadCount>> {
  return call(E.unreadCount)
}

/** 消息, newest first; pass the previous page's `nextCursor` for the next page. */
export function listInbox(cursor?: string | null, limit = 20): Promise<TInboxPage> {
  return call(E.listInbox, { query: { limit, cursor: cursor ?? undefined } })
}

export function markRead(id: string, idempotencyKey: string): Promise<TResponseOf<typeof markInboxRead>> {
  return call(E.markInboxRead, { params: { id } }, { idempotencyKey })
}

export function markAllRead(idempotencyKey: string): Promise<TResponseOf<typeof markAllInboxRead>> {
  return call(E.markAllInboxRead, {}, { idempotencyKey })
}
