import { upsertRequestSettings } from '../../../db/queries/requests';
import type { TRequestSla } from '../../../shared/domain/requests';
import type { TServiceContext, TSignedInContext } from '../context';
import { slaOf } from './request-access';

/** 时限设置 of a village (the defaults until a cadre saves). */
export function getRequestSettings(ctx: TServiceContext, villageId: string): Promise<TRequestSla> {
  return slaOf(ctx.db, villageId);
}

/** New limits apply to deadlines set from now on; running timers keep theirs. */
export async function updateRequestSettings(ctx: TSignedInContext, villageId: string, s: TRequestSla): Promise<TRequestSla> {
  await upsertRequestSettings(ctx.db, villageId, s, ctx.actor.personId, ctx.now());
  return slaOf(ctx.db, villageId);
}
