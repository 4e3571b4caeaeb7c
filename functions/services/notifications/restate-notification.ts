import type { Db } from '../../../db/client';
import { rewriteInboxMessage } from '../../../db/queries/inbox';
import { patchNotificationPayload } from '../../../db/queries/notifications';
import { isTemplate, renderInbox } from '../../../shared/domain/notification-templates';

/**
 * The event behind a notification has moved on (a pickup was handed over): its payload takes
 * `patch` and its inbox copy is rendered again, inside the caller's transaction, so the inbox
 * never keeps saying 「可以领取了」 about goods already collected. Not yet delivered, the
 * dispatcher renders the new payload itself.
 */
export async function restateNotification(tx: Db, dedupeKey: string, patch: Record<string, string | number | null>): Promise<void> {
  const n = await patchNotificationPayload(tx, dedupeKey, patch);
  if (!n || !isTemplate(n.template)) return;
  const { title, body } = renderInbox(n.template, n.payload);
  await rewriteInboxMessage(tx, n.id, { title, body });
}
