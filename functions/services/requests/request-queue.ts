import { listQueue } from '../../../db/queries/requests';
import { OPEN_STATES, REQUEST_STATE_KEYS, WAITING_STATES, type TRequestState } from '../../../shared/domain/requests';
import type { TSignedInContext } from '../context';
import { toRequestItem } from './to-request';

const STATES: Record<string, readonly TRequestState[]> = {
  open: OPEN_STATES, waiting: WAITING_STATES, accepted: ['accepted'], resolved: ['resolved'], closed: ['closed', 'withdrawn'],
  all: REQUEST_STATE_KEYS,
};

/**
 * 待办: the requests the caller's tier owns — heads: 私事/小事 of their courtyards; cadres: 大事
 * of their villages; township staff: 难事 of their township. Overdue first, then by due time.
 */
export async function requestQueue(ctx: TSignedInContext, q: { state: string; limit: number }) {
  const g = ctx.actor.grants;
  const scopes = {
    courtyardIds: g.filter((x) => x.role === 'courtyard_head').map((x) => x.scopeId),
    villageIds: g.filter((x) => x.role === 'village_cadre').map((x) => x.scopeId),
    townshipIds: g.filter((x) => x.role === 'township_staff').map((x) => x.scopeId),
  };
  const now = ctx.now();
  const items = (await listQueue(ctx.db, scopes, STATES[q.state], q.limit)).map((r) => toRequestItem(r, now));
  return { items: [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)] };
}
