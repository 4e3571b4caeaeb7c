import { findLatestSos, findSosFlags, setSosEnabled } from '../../../db/queries/sos';
import { sosAvailable, sosLive } from '../../../shared/domain/requests';
import type { TSignedInContext } from '../context';
import { toSosCall } from './sos-access';

const RECENT_MS = 24 * 3_600_000;

/** Whether the button shows, and the live call (or one that ended in the last day) with who is coming. */
export async function mySos(ctx: TSignedInContext) {
  const me = ctx.actor.personId;
  const flags = await findSosFlags(ctx.db, me);
  const last = await findLatestSos(ctx.db, me);
  const live = last && (sosLive(last.state) || ctx.now().getTime() - last.createdAt.getTime() < RECENT_MS);
  return {
    available: flags ? sosAvailable(flags) : false,
    enabledByMe: flags?.sosEnabled ?? false,
    call: live ? await toSosCall(ctx.db, last, me) : null,
  };
}

/** Turns the button on or off for oneself (flags set at 信息采集 keep it on regardless). */
export async function setMySos(ctx: TSignedInContext, enabled: boolean) {
  await setSosEnabled(ctx.db, ctx.actor.personId, enabled);
  const flags = await findSosFlags(ctx.db, ctx.actor.personId);
  return { available: flags ? sosAvailable(flags) : false, enabledByMe: flags?.sosEnabled ?? false };
}
