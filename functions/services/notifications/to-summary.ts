import type { TNotificationRow } from '../../../db/queries/notifications';
import type { TNotificationSummary } from '../../../shared/contracts/notifications';

export const toNotificationSummary = (r: TNotificationRow): TNotificationSummary => ({
  id: r.id,
  recipient: { id: r.recipientId, name: r.recipientName },
  template: r.template,
  state: r.state,
  pushState: r.pushState,
  attempts: r.attempts,
  lastError: r.lastError,
  createdAt: r.createdAt.toISOString(),
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
});
