import { findSos, insertSosEvent, updateSos } from '../../../db/queries/sos';
import { sosLive } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { sosTimerKey } from './alert-sos-step';
import { loadSos, toSosCall } from './sos-access';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../../db/queries/notifications';

/** 已处理: the responder who came (or staff over the place) closes the call. */
export async function resolveSos(ctx: TSignedInContext, id: string, note?: string) {
  const me = ctx.actor.personId;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const c = await loadSos(tx, id, true);
    if (!sosLive(c.state)) throw new AppError('SOS_CLOSED');
    await updateSos(tx, id, c.state === 'open' ? { state: 'resolved', closedAt: now, ackBy: me, ackAt: now } : { state: 'resolved', closedAt: now });
    await acknowledgeByKey(tx, ackKeys.sos(id), now);
    await insertSosEvent(tx, { callId: id, actorId: me, kind: 'resolved', step: c.step, note: note || null, at: now });
    await cancelJob(tx, sosTimerKey(id, c.step), now);
    return toSosCall(tx, (await findSos(tx, id))!, me);
  });
}
