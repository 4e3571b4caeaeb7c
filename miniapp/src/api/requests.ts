import type { TBodyOf, TResponseOf } from '../../../shared/contracts/define'
import type {
  acceptRequest as acceptContract,
  confirmRequest as confirmContract,
  createRequest as createContract,
  getRequestSettings as getSettingsContract,
  listMyRequests as mineContract,
  listRequestMessages as messagesContract,
  postRequestMessage as postMessageContract,
  reopenRequest as reopenContract,
  requestQueue as queueContract,
  requestTimeline as timelineContract,
  resolveRequest as resolveContract,
  setRequestLevel as levelContract,
  townshipRequestStats as townshipStatsContract,
  villageRequestStats as villageStatsContract,
  withdrawRequest as withdrawContract,
  TRequestDetail,
  TRequestItem,
} from '../../../shared/contracts/requests'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TRequestDetail, TRequestItem }
export type TRequestInput = TBodyOf<typeof createContract>
export type TRequestPage = TResponseOf<typeof mineContract>
export type TQueueState = 'open' | 'waiting' | 'accepted' | 'resolved' | 'closed' | 'all'
export type TRequestMessage = TResponseOf<typeof messagesContract>['items'][number]
export type TMessageInput = TBodyOf<typeof postMessageContract>
export type TRequestEvent = TResponseOf<typeof timelineContract>['items'][number]
export type TRequestSettings = TResponseOf<typeof getSettingsContract>
export type TVillageRequestStats = TResponseOf<typeof villageStatsContract>
export type TTownshipRequestStats = TResponseOf<typeof townshipStatsContract>
export type TRequestFigures = TVillageRequestStats['village']
export type TLevelInput = TBodyOf<typeof levelContract>
export type TConfirmInput = TBodyOf<typeof confirmContract>

/** 找院长: sends the request to the courtyard head (and deputy). */
export function createRequest(input: TRequestInput, idempotencyKey: string): Promise<TRequestDetail> {
  return call(E.createRequest, { body: input }, { idempotencyKey })
}

/** 我的事项, newest first; pass the previous page's nextCursor for more. */
export function listMyRequests(cursor?: string | null, limit = 20): Promise<TRequestPage> {
  return call(E.listMyRequests, { query: { limit, cursor: cursor ?? undefined } })
}

/**
 * 待办事项 of a head, cadre or township staff: overdue first, then by due time. With `q` (a
 * 工单号, e.g. Z260042 or 260042) only that request, whatever its state.
 */
export function requestQueue(state: TQueueState = 'open', limit = 50, q?: string): Promise<TResponseOf<typeof queueContract>> {
  return call(E.requestQueue, { query: { state, limit, ...(q ? { q } : {}) } })
}

export function getRequest(id: string): Promise<TRequestDetail> {
  return call(E.getRequest, { params: { id } })
}

export function listMessages(id: string): Promise<TResponseOf<typeof messagesContract>> {
  return call(E.listRequestMessages, { params: { id } })
}

export function postMessage(id: string, input: TMessageInput, idempotencyKey: string): Promise<TRequestMessage> {
  return call(E.postRequestMessage, { params: { id }, body: input }, { idempotencyKey })
}

export function requestTimeline(id: string): Promise<TResponseOf<typeof timelineContract>> {
  return call(E.requestTimeline, { params: { id } })
}

// The request's state moves: the request's id, the step's body, the whole request back.
/** 受理 */
export const acceptRequest = (id: string, body: TBodyOf<typeof acceptContract>, idempotencyKey: string): Promise<TRequestDetail> =>
  call(E.acceptRequest, { params: { id }, body }, { idempotencyKey })
/** 办结 (with what was done, or the advice given) */
export const resolveRequest = (id: string, body: TBodyOf<typeof resolveContract>, idempotencyKey: string): Promise<TRequestDetail> =>
  call(E.resolveRequest, { params: { id }, body }, { idempotencyKey })
/** 确认办结并评价 (requester) */
export const confirmRequest = (id: string, body: TBodyOf<typeof confirmContract>, idempotencyKey: string): Promise<TRequestDetail> =>
  call(E.confirmRequest, { params: { id }, body }, { idempotencyKey })
/** 不满意，重新打开 (requester, within the window) */
export const reopenRequest = (id: string, body: TBodyOf<typeof reopenContract>, idempotencyKey: string): Promise<TRequestDetail> =>
  call(E.reopenRequest, { params: { id }, body }, { idempotencyKey })
/** 撤回 (requester, before it is accepted) */
export const withdrawRequest = (id: string, body: TBodyOf<typeof withdrawContract>, idempotencyKey: string): Promise<TRequestDetail> =>
  call(E.withdrawRequest, { params: { id }, body }, { idempotencyKey })
/** 定性: 私事/小事/大事/难事 — up is 吹哨到村 / 报到镇街, down hands it back */
export const setRequestLevel = (id: string, body: TBodyOf<typeof levelContract>, idempotencyKey: string): Promise<TRequestDetail> =>
  call(E.setRequestLevel, { params: { id }, body }, { idempotencyKey })

export function getRequestSettings(villageId: string): Promise<TRequestSettings> {
  return call(E.getRequestSettings, { params: { villageId } })
}

export function updateRequestSettings(villageId: string, body: TRequestSettings, idempotencyKey: string): Promise<TRequestSettings> {
  return call(E.updateRequestSettings, { params: { villageId }, body }, { idempotencyKey })
}

export function villageRequestStats(villageId: string, days = 30): Promise<TVillageRequestStats> {
  return call(E.villageRequestStats, { params: { villageId }, query: { days } })
}

export function townshipRequestStats(townshipId: string, days = 30): Promise<TTownshipRequestStats> {
  return call(E.townshipRequestStats, { params: { townshipId }, query: { days } })
}
