import type { Db } from '../../../db/client';
import { insertRequestEvent, updateRequest, type TRequestRecord } from '../../../db/queries/requests';
import { deadlineFor, type TRequestLevel, type TRequestSla, type TRequestState } from '../../../shared/domain/requests';
import { cancelJob, scheduleJob } from '../jobs/schedule-job';
import type { TJobName } from '../jobs/job-names';

/** The timer that watches a state: accept by, resolve by, or close if nobody reopens. */
function timerFor(state: TRequestState): { name: TJobName; tag: string } | null {
  if (state === 'accepted') return { name: 'request_resolve_due', tag: 'resolve' };
  if (state === 'resolved') return { name: 'request_auto_close', tag: 'close' };
  if (state === 'submitted' || state === 'escalated_village' || state === 'escalated_township') return { name: 'request_accept_due', tag: 'accept' };
  return null;
}

const timerKey = (id: string, tag: string, seq: number) => `request:${id}:${tag}:${seq}`;

export type TRequestMove = {
  kind: string;
  actorId: string | null;
  state?: TRequestState;
  level?: TRequestLevel;
  handlerId?: string | null;
  note?: string | null;
  extra?: Partial<{ acceptedAt: Date; resolvedAt: Date | null; closedAt: Date; rating: number; ratingComment: string | null }>;
};

/**
 * Every change to a request goes through here, in the caller's transaction: the row (with a
 * new slaSeq and deadline), one timeline event, the old stage's timer cancelled and the new
 * stage's timer armed. Returns the new slaSeq.
 */
export async function moveRequest(tx: Db, r: TRequestRecord, m: TRequestMove, now: Date, sla: TRequestSla): Promise<number> {
  const state = m.state ?? r.state;
  const level = m.level ?? r.level;
  const dueAt = deadlineFor(state, now, sla);
  const seq = await updateRequest(
    tx,
    r.id,
    {
      state,
      level,
      handlerId: m.handlerId === undefined ? r.handlerId : m.handlerId,
      dueAt,
      overdueAt: state === r.state && level === r.level ? r.overdueAt : null,
      ...m.extra,
    },
    now,
  );
  await insertRequestEvent(tx, {
    requestId: r.id,
    actorId: m.actorId,
    kind: m.kind,
    fromState: r.state,
    toState: state,
    fromLevel: r.level,
    toLevel: level,
    note: m.note ?? null,
    at: now,
  });
  const old = timerFor(r.state);
  if (old) await cancelJob(tx, timerKey(r.id, old.tag, r.slaSeq), now);
  const next = timerFor(state);
  if (next) {
    const runAt = state === 'resolved' ? new Date(now.getTime() + sla.reopenDays * 86_400_000) : dueAt!;
    await scheduleJob(tx, { name: next.name, key: timerKey(r.id, next.tag, seq), runAt, payload: { requestId: r.id, seq } }, now);
  }
  return seq;
}

/** Arms the first timer of a new request (seq 0). */
export async function armNewRequest(tx: Db, id: string, dueAt: Date, now: Date): Promise<void> {
  await scheduleJob(tx, { name: 'request_accept_due', key: timerKey(id, 'accept', 0), runAt: dueAt, payload: { requestId: id, seq: 0 } }, now);
}
