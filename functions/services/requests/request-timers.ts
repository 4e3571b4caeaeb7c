import type { Db } from '../../../db/client';
import { flagRequestOverdue, lockRequest, type TRequestRecord } from '../../../db/queries/requests';
import { requestSummary, tierAbove, tierOf, waitingStateFor, WAITING_STATES } from '../../../shared/domain/requests';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';
import { moveRequest } from './move-request';
import { ownersOf, slaOf } from './request-access';
import { tellRequester, tellTier } from './request-notices';
import { requestTicket } from './to-request';

/** The request, if it is still at the stage the timer was armed for (same slaSeq). */
async function stillAt(tx: Db, payload: Record<string, unknown>): Promise<TRequestRecord | null> {
  const r = await lockRequest(tx, String(payload.requestId));
  return r && r.slaSeq === Number(payload.seq) ? r : null;
}

async function flagOverdue(ctx: TServiceContext, tx: Db, r: TRequestRecord, status: string): Promise<void> {
  const now = ctx.now();
  await flagRequestOverdue(tx, r.id, now);
  const people = new Set(await ownersOf(tx, r, tierOf(r.level)));
  if (r.handlerId) people.add(r.handlerId);
  await notify(
    ctx,
    tx,
    [...people].map((p) => ({
      recipientId: p,
      template: 'request_overdue' as const,
      dedupeKey: `request:${r.id}:${r.slaSeq}:overdue:${p}`,
      payload: { summary: requestSummary(r.category, r.text), status, requestId: r.id, ticket: requestTicket(r) },
    })),
  );
}

/**
 * Not accepted in time: up one tier (courtyard → village 吹哨, village → township 报到), the new
 * owners and the requester told, the next accept timer armed. At the township it is flagged overdue.
 */
export async function requestAcceptDue(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await stillAt(tx, payload);
  if (!r || !WAITING_STATES.includes(r.state)) return;
  const up = tierAbove(tierOf(r.level));
  if (!up) return flagOverdue(ctx, tx, r, '镇街超时未受理');
  const now = ctx.now();
  const sla = await slaOf(tx, r.villageId);
  const seq = await moveRequest(
    tx,
    r,
    { kind: 'auto_escalated', actorId: null, state: waitingStateFor(up), level: up, handlerId: null, note: `${sla.acceptHours}小时内无人受理` },
    now,
    sla,
  );
  await tellTier(ctx, tx, r, up, seq, `${sla.acceptHours}小时未受理，自动升级`, null);
  await tellRequester(ctx, tx, r, waitingStateFor(up), seq, null);
}

/** Accepted but not resolved in time: flagged to the handler and the owning tier (no move). */
export async function requestResolveDue(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await stillAt(tx, payload);
  if (!r || r.state !== 'accepted') return;
  await flagOverdue(ctx, tx, r, '超过办结时限');
}

/** Resolved and neither confirmed nor reopened within the window: closed without a rating. */
export async function requestAutoClose(ctx: TServiceContext, tx: Db, payload: Record<string, unknown>): Promise<void> {
  const r = await stillAt(tx, payload);
  if (!r || r.state !== 'resolved') return;
  const now = ctx.now();
  await moveRequest(tx, r, { kind: 'auto_closed', actorId: null, state: 'closed', extra: { closedAt: now } }, now, await slaOf(tx, r.villageId));
}
