import type { Db } from '../../../db/client';
import { findSos, listSosEvents, listSosRecipientPhones, lockSos, type TSosRecord } from '../../../db/queries/sos';
import { findPerson } from '../../../db/queries/people';
import type { TSosCall } from '../../../shared/contracts/sos';
import { SOS_STEP_LABELS, sosLive } from '../../../shared/domain/requests';
import { AppError } from '../../../shared/errors';
import { phoneForViewer } from '../../../shared/domain/phone-privacy';
import { formatTicket } from '../../../shared/domain/ticket-number';

/** The call's 工单号 as people read it (S260007). */
export const sosTicket = (c: Pick<TSosRecord, 'ticketYear' | 'ticketSeq'>) => formatTicket({ kind: 'sos', year: c.ticketYear, seq: c.ticketSeq });

/** The call (locked for a change); the route already decided the caller may see or act on it. */
export async function loadSos(tx: Db, id: string, lock = false): Promise<TSosRecord> {
  const c = lock ? await lockSos(tx, id) : await findSos(tx, id);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

const EVENT_LABELS: Record<string, string> = {
  raised: '发起呼叫',
  notified: '已通知',
  escalated: '无人响应，升级通知',
  acknowledged: '已响应，正在赶来',
  cancelled: '呼叫人取消',
  resolved: '已到场处理',
  unanswered: '仍无人响应，再次提醒',
  skipped: '这一级没有可通知的人',
};

export async function toSosCall(tx: Db, c: TSosRecord, me: string): Promise<TSosCall> {
  const responder = c.ackBy ? await findPerson(tx, c.ackBy) : null;
  const events = await listSosEvents(tx, c.id);
  // the caller waiting for an answer can ring those told; once someone answered, that person
  const waiting = c.callerId === me && !c.ackBy && sosLive(c.state);
  const told = waiting ? await listSosRecipientPhones(tx, c.id) : [];
  return {
    id: c.id,
    ticket: sosTicket(c),
    state: c.state,
    caller: { id: c.callerId, name: c.callerName },
    // everyone else who may see a call may answer it (sos.view ⊂ sos.ack but the caller): all phone the caller
    phone: phoneForViewer(c.phone, c.callerId === me ? 'self' : 'sos_responder'),
    address: c.address,
    step: c.step,
    stepLabel: SOS_STEP_LABELS[Math.min(c.step, SOS_STEP_LABELS.length - 1)],
    // the caller phones whoever answered; staff following the call see who, with the number masked
    responder: responder
      ? { id: responder.id, name: responder.name, phone: phoneForViewer(responder.phone, c.callerId === me ? 'sos_caller' : responder.id === me && 'self') }
      : null,
    contacts: told.flatMap((p) => (p.phone ? [{ id: p.id, name: p.name, phone: p.phone, why: p.why }] : [])),
    createdAt: c.createdAt.toISOString(),
    ackAt: c.ackAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    cancelReason: c.cancelReason,
    events: events.map((e) => ({ kind: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, actor: e.actorName, note: e.note, at: e.at.toISOString() })),
    mine: c.callerId === me,
  };
}
