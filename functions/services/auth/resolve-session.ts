import { listActiveGrants } from '../../../db/queries/roles';
import { findLiveSession } from '../../../db/queries/sessions';
import { AppError } from '../../../shared/errors';
import type { TActor, TServiceContext } from '../context';
import { hashSessionToken } from './session-token';

/** Bearer token → the signed-in person and their role grants; 401 when missing, expired or revoked. */
export async function resolveSession(ctx: TServiceContext, token: string | null): Promise<TActor> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const session = await findLiveSession(ctx.db, hashSessionToken(token), ctx.now());
  if (!session) throw new AppError('UNAUTHENTICATED');
  const grants = await listActiveGrants(ctx.db, session.personId);
  return {
    personId: session.personId,
    sessionId: session.id,
    grants: grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, villageId: g.villageId, townshipId: g.townshipId })),
  };
}
