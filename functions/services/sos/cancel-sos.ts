import { findSos, insertSosEvent, listSosRecipients, updateSos } from '../../../db/queries/sos';
import { sosLive } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { sosTimerKey } from './alert-sos-step';
import { loadSos, toSosCall, sosTicket } from './sos-access';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../../db/queries/notifications';

const REASONS = { mistap: '误触', no_longer_needed: '已无需帮助' } as const;

/** 取消 (误触): only the caller; everyone already told learns it is off. */
export async function cancelSos(ctx: TSignedInContext, id: string, reason: keyof typeof REASONS) {
  const me = ctx.actor.personId;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const c = await loadSos(tx, id, true);
    if (!sosLive(c.state)) throw new AppError('SOS_CLOSED');
    await updateSos(tx, id, { state: 'cancelled', closedAt: now, cancelReason: reason });
    await acknowledgeByKey(tx, ackKeys.sos(id), now);
    await insertSosEvent(tx, { callId: id, actorId: me, kind: 'cancelled', step: c.step, note: REASONS[reason], at: now });
    await cancelJob(tx, sosTimerKey(id, c.step), now);
    await notify(
      ctx,
      tx,
      (await listSosRecipients(tx, id)).map((p) => ({
        recipientId: p,
        template: 'sos_update' as const,
        dedupeKey: `sos:${id}:cancelled:${p}`,
        payload: { callerName: c.callerName, state: 'cancelled', callId: id, ticket: sosTicket(c) },
      })),
    );
    return toSosCall(tx, (await findSos(tx, id))!, me);
  });
}
