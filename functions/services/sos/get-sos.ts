import type { TSignedInContext } from '../context';
import { loadVisibleSos, toSosCall } from './sos-access';

export async function getSos(ctx: TSignedInContext, id: string) {
  return toSosCall(ctx.db, await loadVisibleSos(ctx.db, ctx.actor, id), ctx.actor.personId);
}
