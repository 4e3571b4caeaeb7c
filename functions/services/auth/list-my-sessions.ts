import { listLiveSessions } from '../../../db/queries/sessions';
import type { TMySession } from '../../../shared/contracts/admin-login';
import { SESSION_METHOD_LABELS } from '../../../shared/domain/session-methods';
import type { TSignedInContext } from '../context';

/** 登录设备: the caller's live sessions, this one (本机) first, then the latest used. */
export async function listMySessions(ctx: TSignedInContext): Promise<{ items: TMySession[] }> {
  const rows = await listLiveSessions(ctx.db, ctx.actor.personId, ctx.now());
  const current = ctx.actor.sessionId;
  return {
    items: [...rows.filter((r) => r.id === current), ...rows.filter((r) => r.id !== current)].map((r) => ({
      id: r.id,
      method: r.method,
      device: r.device ?? SESSION_METHOD_LABELS[r.method],
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: (r.lastSeenAt ?? r.createdAt).toISOString(),
      current: r.id === current,
    })),
  };
}
