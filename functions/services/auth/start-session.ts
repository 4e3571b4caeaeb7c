import type { Db } from '../../../db/client';
import { insertSession, type TSessionMethod } from '../../../db/queries/sessions';
import type { TSession } from '../../../shared/contracts/auth';
import { newSessionToken } from './session-token';

/** Issues a session for a person inside the caller's transaction. */
export async function startSession(
  db: Db,
  person: { id: string; name: string },
  opts: { method: TSessionMethod; now: Date; ttlDays: number; device?: string | null },
): Promise<TSession & { sessionId: string }> {
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(opts.now.getTime() + opts.ttlDays * 24 * 3600 * 1000);
  const { id } = await insertSession(db, {
    personId: person.id,
    tokenHash: hash,
    method: opts.method,
    createdAt: opts.now,
    expiresAt,
    device: opts.device ?? null,
  });
  return { sessionId: id, token, expiresAt: expiresAt.toISOString(), person: { id: person.id, name: person.name } };
}
