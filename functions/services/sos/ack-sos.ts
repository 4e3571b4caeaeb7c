import { findSos, listSosRecipients, updateSos, insertSosEvent } from '../../../db/queries/sos';
import { findPerson } from '../../../db/queries/people';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { sosTimerKey } from './alert-sos-step';
import { loadSos, toSosCall, sosTicket } from './sos-access';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../../db/queries/notifications';

/** 我去: the first responder takes the call; the caller sees who is coming, the others that it is taken. */
export async function ackSos(ctx: TSignedInContext, id: string) {
  const me = ctx.actor.personId;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const c = await loadSos(tx, id, true);
    if (c.state === 'acknowledged') throw new AppError('SOS_ALREADY_ACKNOWLEDGED');
    if (c.state !== 'open') throw new AppError('SOS_CLOSED');
    await updateSos(tx, id, { state: 'acknowledged', ackBy: me, ackAt: now });
    await acknowledgeByKey(tx, ackKeys.sos(id), now); // someone is coming: no SMS to anyone
    await insertSosEvent(tx, { callId: id, actorId: me, kind: 'acknowledged', step: c.step, at: now });
    await cancelJob(tx, sosTimerKey(id, c.step), now);
    const responder = (await findPerson(tx, me))!;
    const others = (await listSosRecipients(tx, id)).filter((p) => p !== me);
    await notify(ctx, tx, [
      {
        recipientId: c.callerId,
        template: 'sos_ack',
        dedupeKey: `sos:${id}:ack`,
        payload: { responderName: responder.name, responderPhone: responder.phone, callId: id, ticket: sosTicket(c) },
      },
      ...others.map((p) => ({
        recipientId: p,
        template: 'sos_update' as const,
        dedupeKey: `sos:${id}:taken:${p}`,
        payload: { callerName: c.callerName, responderName: responder.name, state: 'acknowledged', callId: id, ticket: sosTicket(c) },
      })),
    ]);
    return toSosCall(tx, (await findSos(tx, id))!, me);
  });
}
