import { revokeOwnSession } from '../../../db/queries/sessions';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** 退出登录 on one device: the caller's own sessions only; anyone else's reads as not found. */
export async function revokeMySession(ctx: TSignedInContext, sessionId: string): Promise<{ ok: true }> {
  if (!(await revokeOwnSession(ctx.db, ctx.actor.personId, sessionId, ctx.now()))) throw new AppError('NOT_FOUND');
  return { ok: true };
}
