import { listLiveSosFor } from '../../../db/queries/sos';
import type { TSignedInContext } from '../context';
import { toSosCall } from './sos-access';

/** Live calls for a responder: those they were told about and those in the place their staff role covers. */
export async function activeSos(ctx: TSignedInContext) {
  const g = ctx.actor.grants;
  const scope = {
    courtyardIds: g.filter((x) => x.role === 'courtyard_head').map((x) => x.scopeId),
    villageIds: g.filter((x) => x.role === 'village_cadre').map((x) => x.scopeId),
    townshipIds: g.filter((x) => x.role === 'township_staff').map((x) => x.scopeId),
  };
  const calls = await listLiveSosFor(ctx.db, ctx.actor.personId, scope);
  const items = [];
  for (const c of calls) if (c.callerId !== ctx.actor.personId) items.push(await toSosCall(ctx.db, c, ctx.actor.personId));
  return { items };
}
