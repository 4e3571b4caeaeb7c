import { revokeSession } from '../../../db/queries/sessions';
import type { TSignedInContext } from '../context';

/** 退出登录: revokes the current session only. */
export async function logout(ctx: TSignedInContext): Promise<{ ok: true }> {
  await revokeSession(ctx.db, ctx.actor.sessionId, ctx.now());
  return { ok: true };
}
