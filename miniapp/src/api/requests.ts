import type { TBodyOf, TContract, TResponseOf } from '../../../shared/contracts/define'
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
  updateRequestSettings as updateSettingsContract,
  villageRequestStats as villageStatsContract,
  withdrawRequest as withdrawContract,
  TRequestDetail,
  TRequestItem,
} from '../../../shared/contracts/requests'
import { request } from './request'

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

const v = (id: string) => encodeURIComponent(id)

/** 找院长: sends the request to the courtyard head (and deputy). */
export function createRequest(input: TRequestInput, idempotencyKey: string): Promise<TRequestDetail> {
  return request<TResponseOf<typeof createContract>>('/api/requests', { method: 'POST', body: input, idempotencyKey })
}

/** 我的事项, newest first; pass the previous page's nextCursor for more. */
export function listMyRequests(cursor?: string | null, limit = 20): Promise<TRequestPage> {
  return request('/api/requests/mine', { query: { limit, cursor: cursor ?? undefined } })
}

/** 待办事项 of a head, cadre or township staff: overdue first, then by due time. */
export function requestQueue(state: TQueueState = 'open', limit = 50): Promise<TResponseOf<typeof queueContract>> {
  return request('/api/requests/queue', { query: { state, limit } })
}

export function getRequest(id: string): Promise<TRequestDetail> {
  return request(`/api/requests/${v(id)}`)
}

export function listMessages(id: string): Promise<TResponseOf<typeof messagesContract>> {
  return request(`/api/requests/${v(id)}/messages`)
}

export function postMessage(id: string, input: TMessageInput, idempotencyKey: string): Promise<TRequestMessage> {
  return request<TResponseOf<typeof postMessageContract>>(`/api/requests/${v(id)}/messages`, { method: 'POST', body: input, idempotencyKey })
}

export function requestTimeline(id: string): Promise<TResponseOf<typeof timelineContract>> {
  return request(`/api/requests/${v(id)}/timeline`)
}

function act<C extends TContract>(verb: string) {
  return (id: string, body: TBodyOf<C>, idempotencyKey: string): Promise<TRequestDetail> =>
    request<TRequestDetail>(`/api/requests/${v(id)}/${verb}`, { method: 'POST', body, idempotencyKey })
}

/** 受理 */
export const acceptRequest = act<typeof acceptContract>('accept')
/** 办结 (with what was done, or the advice given) */
export const resolveRequest = act<typeof resolveContract>('resolve')
/** 确认办结并评价 (requester) */
export const confirmRequest = act<typeof confirmContract>('confirm')
/** 不满意，重新打开 (requester, within the window) */
export const reopenRequest = act<typeof reopenContract>('reopen')
/** 撤回 (requester, before it is accepted) */
export const withdrawRequest = act<typeof withdrawContract>('withdraw')
/** 定性: 私事/小事/大事/难事 — up is 吹哨到村 / 报到镇街, down hands it back */
export const setRequestLevel = act<typeof levelContract>('level')

export function getRequestSettings(villageId: string): Promise<TRequestSettings> {
  return request(`/api/villages/${v(villageId)}/request-settings`)
}

export function updateRequestSettings(villageId: string, body: TRequestSettings, idempotencyKey: string): Promise<TRequestSettings> {
  return request<TResponseOf<typeof updateSettingsContract>>(`/api/villages/${v(villageId)}/request-settings`, { method: 'PUT', body, idempotencyKey })
}

export function villageRequestStats(villageId: string, days = 30): Promise<TVillageRequestStats> {
  return request(`/api/villages/${v(villageId)}/request-stats`, { query: { days } })
}

export function townshipRequestStats(townshipId: string, days = 30): Promise<TTownshipRequestStats> {
  return request(`/api/townships/${v(townshipId)}/request-stats`, { query: { days } })
}
