import { findHomeCourtyard } from '../../../db/queries/requests';
import { findAddressParts, findLiveSos, findSos, findSosFlags, insertSos, insertSosEvent } from '../../../db/queries/sos';
import { sosAvailable } from '../../../shared/domain/requests';
import { homeAddress } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { slaOf } from '../requests/request-access';
import { alertSosStep } from './alert-sos-step';
import { toSosCall } from './sos-access';
import { takeTicketSeq } from '../../../db/queries/tickets';
import { ticketYear } from '../../../shared/domain/ticket-number';

/** Thrown inside the savepoint to give the 工单号 back when a concurrent tap's call won. */
class LostToLiveCall extends Error {}

/**
 * 一键呼叫: one live call per person — a second tap (or a retry on a weak network) returns
 * the live call (200) instead of raising another. The courtyard's heads and the household's
 * party member are told at once, with the caller's address and phone. The call takes its
 * 工单号 in a savepoint with its row: a tap that finds the call raised meanwhile gives the
 * number back, so numbers stay consecutive.
 */
export async function raiseSos(ctx: TSignedInContext) {
  const me = ctx.actor.personId;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const flags = await findSosFlags(tx, me);
    if (!flags || !sosAvailable(flags)) throw new AppError('SOS_NOT_AVAILABLE');
    const home = await findHomeCourtyard(tx, me);
    if (!home) throw new AppError('SOS_NO_COURTYARD');
    const live = await findLiveSos(tx, me);
    if (live) return { call: await toSosCall(tx, live, me), created: false };
    const address = homeAddress((await findAddressParts(tx, home.householdId, home.courtyardId)) ?? { village: '', courtyard: '', label: null });
    const year = ticketYear(now);
    const id = await tx
      .transaction(async (sp) => {
        const seq = await takeTicketSeq(sp, home.townshipId, 'sos', year);
        const made = await insertSos(sp, { callerId: me, ...home, ticketYear: year, ticketSeq: seq, address, phone: flags.phone, createdAt: now });
        if (!made) throw new LostToLiveCall();
        return made;
      })
      .catch((e: unknown) => {
        if (e instanceof LostToLiveCall) return null;
        throw e;
      });
    if (!id) {
      // a concurrent tap raised it first: that call is the one
      const other = await findLiveSos(tx, me);
      if (other) return { call: await toSosCall(tx, other, me), created: false };
      throw new AppError('SERVICE_UNAVAILABLE');
    }
    const call = (await findSos(tx, id))!;
    await insertSosEvent(tx, { callId: id, actorId: me, kind: 'raised', step: 0, at: now });
    await alertSosStep(ctx, tx, call, 0, await slaOf(tx, home.villageId));
    return { call: await toSosCall(tx, (await findSos(tx, id))!, me), created: true };
  });
}
