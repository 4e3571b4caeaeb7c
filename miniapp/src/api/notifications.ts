import type { TResponseOf } from '../../../shared/contracts/define'
import type {
  listVillageNotifications,
  retryNotification as retryContract,
  TNotificationSummary,
  TStaffReach,
  villageStaffReach,
} from '../../../shared/contracts/notifications'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TNotificationSummary, TStaffReach }
export type TStaffReachList = TResponseOf<typeof villageStaffReach>
export type TNotificationState = TNotificationSummary['state']

/** 通知投递情况 of one village (村干部); the server defaults to the failed ones. */
export function listForVillage(villageId: string, state: TNotificationState = 'failed'): Promise<TResponseOf<typeof listVillageNotifications>> {
  return call(E.listVillageNotifications, { params: { villageId }, query: { state } })
}

/** 重发: 409 NOTIFICATION_NOT_FAILED when someone already resent it or it went through. */
export function retryNotification(id: string, idempotencyKey: string): Promise<TResponseOf<typeof retryContract>> {
  return call(E.retryNotification, { params: { id } }, { idempotencyKey })
}

/** 工作人员能否收到通知 of one village: each member of staff's channels, unreachable people first. */
export function staffReach(villageId: string): Promise<TStaffReachList> {
  return call(E.villageStaffReach, { params: { villageId } })
}
