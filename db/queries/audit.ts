import { and, desc, eq, gte, ilike, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, people, villages } from '../schema';

export type TAuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  townshipId: string;
  villageId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  summary: string;
  at: Date;
};

/** One 操作日志 line, in the caller's transaction (the change and its record commit together). */
export async function insertAudit(db: Db, entry: TAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export type TAuditFilter = {
  place: { villageId: string } | { townshipId: string };
  action?: string;
  /** part of the actor's name */
  actor?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  /** the last line of the previous page */
  before?: { at: Date; id: string };
};

export type TAuditRow = Omit<TAuditEntry, 'townshipId'> & { id: string; actorName: string | null; villageName: string | null };

/** 操作日志 of a village or a township (all its villages and its own lines), newest first. */
export async function listAudit(db: Db, f: TAuditFilter, limit: number): Promise<TAuditRow[]> {
  const like = f.actor ? `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: people.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      villageId: auditLog.villageId,
      villageName: villages.name,
      before: auditLog.before,
      after: auditLog.after,
      summary: auditLog.summary,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .leftJoin(villages, eq(villages.id, auditLog.villageId))
    .where(
      and(
        'villageId' in f.place ? eq(auditLog.villageId, f.place.villageId) : eq(auditLog.townshipId, f.place.townshipId),
        f.action ? eq(auditLog.action, f.action) : undefined,
        like ? ilike(people.name, like) : undefined,
        f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lte(auditLog.at, f.to) : undefined,
        f.before ? or(lt(auditLog.at, f.before.at), and(eq(auditLog.at, f.before.at), lt(auditLog.id, f.before.id))) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, before: r.before as TAuditRow['before'], after: r.after as TAuditRow['after'] }));
}
