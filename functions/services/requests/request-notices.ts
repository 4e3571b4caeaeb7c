import type { Db } from '../../../db/client';
import type { TRequestRecord } from '../../../db/queries/requests';
import { REQUEST_LEVELS, REQUEST_STATES, requestSummary, type TRequestState, type TTier } from '../../../shared/domain/requests';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';
import { ownersOf } from './request-access';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { requestTicket } from './to-request';

/** Tells the requester what happened (unless they did it themself). */
export async function tellRequester(
  ctx: TServiceContext,
  tx: Db,
  r: TRequestRecord,
  state: TRequestState,
  seq: number,
  actorId: string | null,
  status?: string,
) {
  if (actorId === r.requesterId) return;
  await notify(ctx, tx, [
    {
      recipientId: r.requesterId,
      template: 'request_update',
      dedupeKey: `request:${r.id}:${seq}:update`,
      payload: {
        summary: requestSummary(r.category, r.text),
        status: status ?? REQUEST_STATES[state],
        updatedAt: ctx.now().toISOString(),
        requestId: r.id,
        ticket: requestTicket(r),
      },
    },
  ]);
}

/** Tells the owners of the tier that now has to take the request up. */
export async function tellTier(ctx: TServiceContext, tx: Db, r: TRequestRecord, tier: TTier, seq: number, reason: string, except: string | null) {
  const owners = (await ownersOf(tx, r, tier)).filter((p) => p !== except);
  await notify(
    ctx,
    tx,
    owners.map((p) => ({
      recipientId: p,
      template: 'request_escalated' as const,
      dedupeKey: `request:${r.id}:${seq}:escalated:${p}`,
      ackKey: ackKeys.request(r.id),
      payload: { summary: requestSummary(r.category, r.text), tier, reason, at: ctx.now().toISOString(), requestId: r.id, ticket: requestTicket(r) },
    })),
  );
}

export const levelLabel = (l: keyof typeof REQUEST_LEVELS) => REQUEST_LEVELS[l];
