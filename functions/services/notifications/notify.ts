import type { Db } from '../../../db/client';
import { insertNotificationsToHomeVillages } from '../../../db/queries/notifications';
import { TEMPLATES, type TTemplate } from '../../../shared/domain/notification-templates';
import type { TServiceContext } from '../context';

export type TNotice = {
  recipientId: string;
  template: TTemplate;
  payload: Record<string, string | number | null>;
  /** makes the enqueue idempotent: the same event key is enqueued once */
  dedupeKey?: string;
  /** the event whose handling acknowledges it (ackKeys in shared/domain/channel-policy.ts): later channel steps stop then */
  ackKey?: string;
  runAt?: Date;
};

/**
 * 发通知: writes outbox rows in the caller's transaction `tx`, so a rolled-back event
 * notifies nobody. Delivery happens after commit (dispatcher; the adapter kicks it at once).
 * One statement for any number of recipients: each row finds its recipient's village itself.
 */
export async function notify(ctx: TServiceContext, tx: Db, notices: TNotice[]): Promise<void> {
  const now = ctx.now();
  const rows = notices.map((n) => ({
    recipientId: n.recipientId,
    template: n.template,
    payload: n.payload,
    priority: TEMPLATES[n.template].priority,
    dedupeKey: n.dedupeKey ?? null,
    ackKey: n.ackKey ?? null,
    runAt: n.runAt ?? now,
    createdAt: now,
  }));
  if ((await insertNotificationsToHomeVillages(tx, rows)) > 0) ctx.effects = { ...ctx.effects, notified: true };
}
