import type { Db } from '../../../db/client';
import { insertSosEvent, listSosRecipients, lockSos } from '../../../db/queries/sos';
import { SOS_STEPS } from '../../../shared/domain/requests';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';
import { slaOf } from '../requests/request-access';
import { alertSosStep } from './alert-sos-step';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { sosTicket } from './sos-access';

/**
 * Nobody acknowledged within the village's minutes: tell the next step up (村干部, then 镇街).
 * At the top, remind everyone told so far once more.
 */
export async function sosAckDue(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const c = await lockSos(tx, String(payload.callId));
  const step = Number(payload.step);
  if (!c || c.state !== 'open' || c.step !== step) return;
  const now = ctx.now();
  if (step + 1 < SOS_STEPS.length) return alertSosStep(ctx, tx, c, step + 1, await slaOf(tx, c.villageId));
  await insertSosEvent(tx, { callId: c.id, actorId: null, kind: 'unanswered', step, at: now });
  await notify(
    ctx,
    tx,
    (await listSosRecipients(tx, c.id)).map((p) => ({
      recipientId: p,
      template: 'sos' as const,
      dedupeKey: `sos:${c.id}:again:${p}`,
      ackKey: ackKeys.sos(c.id),
      payload: { callerName: c.callerName, address: c.address, phone: c.phone, callId: c.id, ticket: sosTicket(c) },
    })),
  );
}
