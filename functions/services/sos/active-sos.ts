import { listLiveSosFor } from '../../../db/queries/sos';
import { parseTicket } from '../../../shared/domain/ticket-number';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toSosCall } from './sos-access';

/**
 * Live calls for a responder: those they were told about and those in the place their staff
 * role covers. With `q`, the call of that 工单号 among them, whatever its state (a number that
 * is no 一键呼叫 number is TICKET_INVALID).
 */
export async function activeSos(ctx: TSignedInContext, q: { q?: string } = {}) {
  let ticket: { year: number; seq: number } | null = null;
  if (q.q) {
    const t = parseTicket(q.q);
    if (!t || t.kind === 'request') throw new AppError('TICKET_INVALID');
    ticket = { year: t.year, seq: t.seq };
  }
  const g = ctx.actor.grants;
  const scope = {
    courtyardIds: g.filter((x) => x.role === 'courtyard_head').map((x) => x.scopeId),
    villageIds: g.filter((x) => x.role === 'village_cadre').map((x) => x.scopeId),
    townshipIds: g.filter((x) => x.role === 'township_staff').map((x) => x.scopeId),
  };
  const calls = await listLiveSosFor(ctx.db, ctx.actor.personId, scope, ticket);
  const items = [];
  for (const c of calls) if (c.callerId !== ctx.actor.personId) items.push(await toSosCall(ctx.db, c, ctx.actor.personId));
  return { items };
}
