import { listAudit, type TAuditFilter } from '../../../db/queries/audit';
import { auditActionLabel, auditEntityLabel } from '../../../shared/domain/audit';
import type { TSignedInContext } from '../context';
import { decodeCursor, page } from '../paging';

export type TAuditQuery = { action?: string; actor?: string; entityType?: string; from?: string; to?: string; cursor?: string; limit: number };

/** 操作日志 of a village or a township, newest first, one page at a time (scope checked by the route). */
export async function listAuditLog(ctx: TSignedInContext, place: TAuditFilter['place'], q: TAuditQuery) {
  const last = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listAudit(
    ctx.db,
    {
      place,
      action: q.action || undefined,
      actor: q.actor || undefined,
      entityType: q.entityType || undefined,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      before: last && { at: last.createdAt, id: last.id },
    },
    q.limit + 1,
  );
  const { items, nextCursor } = page(
    rows.map((r) => ({ ...r, createdAt: r.at })),
    q.limit,
  );
  return {
    items: items.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entity: { type: r.entityType, label: auditEntityLabel(r.entityType), id: r.entityId },
      village: r.villageId ? { id: r.villageId, name: r.villageName ?? '' } : null,
      summary: r.summary,
      before: r.before,
      after: r.after,
    })),
    nextCursor,
  };
}
