import type { TSignedInContext } from '../context';
import { loadSos, toSosCall } from './sos-access';

export async function getSos(ctx: TSignedInContext, id: string) {
  return toSosCall(ctx.db, await loadSos(ctx.db, id), ctx.actor.personId);
}
