import type { Db } from '../../../db/client';
import { addSosRecipients, insertSosEvent, listHouseholdPartyMembers, updateSos, type TSosRecord } from '../../../db/queries/sos';
import { listPeopleNames } from '../../../db/queries/people';
import { SOS_STEP_LABELS, SOS_STEPS, type TRequestSla } from '../../../shared/domain/requests';
import type { TServiceContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { ownersOf } from '../requests/request-access';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { sosTicket } from './sos-access';

export const sosTimerKey = (id: string, step: number) => `sos:${id}:ack:${step}`;

const WHY = { courtyard: '院长', village: '村干部', township: '镇街' } as const;

/** Step n tells the owners of the n-th tier at the caller's place; the first step also the household's party members. */
async function peopleAt(tx: Db, c: TSosRecord, step: number): Promise<{ personId: string; why: string }[]> {
  const tier = SOS_STEPS[step];
  const owners = (await ownersOf(tx, c, tier)).map((personId) => ({ personId, why: WHY[tier] }));
  const party = step === 0 && c.householdId ? (await listHouseholdPartyMembers(tx, c.householdId)).map((personId) => ({ personId, why: '联户党员' })) : [];
  return [...owners, ...party];
}

/**
 * Tells the people of `step` (院长和联户党员 → 村干部 → 镇街) at top priority and arms the
 * acknowledgement timer. A step with nobody to tell is logged and skipped at once.
 */
export async function alertSosStep(ctx: TServiceContext, tx: Db, c: TSosRecord, step: number, sla: TRequestSla): Promise<void> {
  const now = ctx.now();
  for (let s = step; s < SOS_STEPS.length; s++) {
    if (s !== c.step) await updateSos(tx, c.id, { step: s });
    const fresh = await addSosRecipients(
      tx,
      c.id,
      s,
      (await peopleAt(tx, c, s)).filter((p) => p.personId !== c.callerId),
    );
    if (!fresh.length) {
      await insertSosEvent(tx, { callId: c.id, actorId: null, kind: 'skipped', step: s, note: SOS_STEP_LABELS[s], at: now });
      continue;
    }
    const byId = await listPeopleNames(tx, fresh);
    const names = fresh.map((p) => byId.get(p) ?? '');
    await insertSosEvent(tx, {
      callId: c.id,
      actorId: null,
      kind: s === 0 ? 'notified' : 'escalated',
      step: s,
      note: `${SOS_STEP_LABELS[s]}：${names.join('、')}`,
      at: now,
    });
    await notify(
      ctx,
      tx,
      fresh.map((p) => ({
        recipientId: p,
        template: 'sos' as const,
        dedupeKey: `sos:${c.id}:${p}`,
        ackKey: ackKeys.sos(c.id),
        payload: { callerName: c.callerName, address: c.address, phone: c.phone, callId: c.id, ticket: sosTicket(c) },
      })),
    );
    await scheduleJob(
      tx,
      { name: 'sos_ack_due', key: sosTimerKey(c.id, s), runAt: new Date(now.getTime() + sla.sosAckMinutes * 60_000), payload: { callId: c.id, step: s } },
      now,
    );
    return;
  }
}
