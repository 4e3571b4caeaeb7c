import { findLiveSessionWithGrants, touchSession } from '../../../db/queries/sessions';
import { AppError } from '../../../shared/errors';
import type { TActor, TServiceContext } from '../context';
import { hashSessionToken } from './session-token';

/** How stale a session's last_seen_at may get before a request moves it on. */
const LAST_SEEN_STEP_MS = 5 * 60_000;

/**
 * Bearer token → the signed-in person and their role grants (one statement), 401 when missing,
 * expired or revoked. The grants keep their scope names so 我的 need not read them again.
 */
export async function resolveSession(ctx: TServiceContext, token: string | null): Promise<TActor> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const session = await findLiveSessionWithGrants(ctx.db, hashSessionToken(token), ctx.now());
  if (!session) throw new AppError('UNAUTHENTICATED');
  const now = ctx.now();
  // 最近使用 for 登录设备, written at most every few minutes: not a write on every request
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_STEP_MS) await touchSession(ctx.db, session.id, now);
  return {
    personId: session.personId,
    sessionId: session.id,
    grants: session.grants.map((g) => ({
      role: g.role,
      scopeType: g.scopeType,
      scopeId: g.scopeId,
      villageId: g.villageId,
      townshipId: g.townshipId,
      courtyardId: g.courtyardId,
      scopeName: g.scopeName,
    })),
  };
}
