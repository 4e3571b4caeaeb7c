import { listNotificationsOfVillage } from '../../../db/queries/notifications';
import type { TNotificationState } from '../../../shared/domain/notifications';
import type { TSignedInContext } from '../context';
import { toNotificationSummary } from './to-summary';

/** 投递失败的通知 for a cadre's village (scope checked by the route). */
export async function listVillageNotifications(ctx: TSignedInContext, villageId: string, state: TNotificationState) {
  return { items: (await listNotificationsOfVillage(ctx.db, villageId, [state])).map(toNotificationSummary) };
}
