import { and, asc, count, desc, eq, gt, inArray, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, households, people, pointsTotals, roleAssignments } from '../schema';
import type { TBoardKind } from '../../shared/domain/points';
import type { TRole } from '../../shared/domain/roles';

export type { TBoardKind };
export type TBoardScope = { villageId: string } | { townshipId: string };

const scopeWhere = (s: TBoardScope) => ('villageId' in s ? eq(pointsTotals.villageId, s.villageId) : eq(pointsTotals.townshipId, s.townshipId));

/** Person subjects holding none of `roles` now (an index probe on role_assignments per row). */
function holdsNone(db: Db, roles: readonly TRole[]): SQL | undefined {
  if (!roles.length) return undefined;
  return notExists(
    db
      .select({ one: sql`1` })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, pointsTotals.subjectId), isNull(roleAssignments.endedAt), inArray(roleAssignments.role, [...roles]))),
  );
}

/**
 * The top of a board: the first entries of the rank index (scope, kind, period, total desc,
 * subject), already in board order. Person boards may
 * leave out people holding any of `exceptRoles` (with none, every subject counts).
 */
export async function topTotals(db: Db, scope: TBoardScope, kind: TBoardKind, period: string, limit: number, exceptRoles: readonly TRole[] = []) {
  return db
    .select({ subjectId: pointsTotals.subjectId, total: pointsTotals.total })
    .from(pointsTotals)
    .where(and(scopeWhere(scope), eq(pointsTotals.kind, kind), eq(pointsTotals.period, period), holdsNone(db, exceptRoles)))
    .orderBy(desc(pointsTotals.total), asc(pointsTotals.subjectId))
    .limit(limit);
}

export async function findTotal(db: Db, kind: TBoardKind, subjectId: string, period: string): Promise<number | null> {
  const [r] = await db
    .select({ total: pointsTotals.total })
    .from(pointsTotals)
    .where(and(eq(pointsTotals.kind, kind), eq(pointsTotals.subjectId, subjectId), eq(pointsTotals.period, period)));
  return r?.total ?? null;
}

/**
 * How many on the board are strictly above `total` (rank = that + 1; ties share a rank), leaving
 * out as topTotals does. Counted as everyone above minus the role holders above: the first is a
 * prefix of the rank index read without the table, the second walks the few current holders of
 * `exceptRoles` (role_assignments_active_role_idx), so no row above costs a probe of its grants.
 */
export async function countAbove(
  db: Db,
  scope: TBoardScope,
  kind: TBoardKind,
  period: string,
  total: number,
  exceptRoles: readonly TRole[] = [],
): Promise<number> {
  const above = and(scopeWhere(scope), eq(pointsTotals.kind, kind), eq(pointsTotals.period, period), gt(pointsTotals.total, total));
  const everyone = db.select({ n: count() }).from(pointsTotals).where(above);
  if (!exceptRoles.length) {
    const [r] = await everyone;
    return Number(r.n);
  }
  const holders = db
    .select({ id: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(inArray(roleAssignments.role, [...exceptRoles]), isNull(roleAssignments.endedAt)));
  const heldAbove = db
    .select({ n: count() })
    .from(pointsTotals)
    .where(and(above, inArray(pointsTotals.subjectId, holders)));
  const r = (await db.execute(sql`select (${everyone}) - (${heldAbove}) as n`)) as unknown as { rows: { n: number | string }[] };
  return Number(r.rows[0].n);
}

/** Every courtyard total of a scope and period (a few hundred at most: per-household ranking). */
export async function allCourtyardTotals(db: Db, scope: TBoardScope, period: string) {
  return db
    .select({ subjectId: pointsTotals.subjectId, total: pointsTotals.total })
    .from(pointsTotals)
    .where(and(scopeWhere(scope), eq(pointsTotals.kind, 'courtyard'), eq(pointsTotals.period, period)));
}

export async function householdCounts(db: Db, courtyardIds: string[]): Promise<Map<string, number>> {
  if (courtyardIds.length === 0) return new Map();
  const rows = await db
    .select({ id: households.courtyardId, n: count() })
    .from(households)
    .where(inArray(households.courtyardId, courtyardIds))
    .groupBy(households.courtyardId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Display names of board subjects. */
export async function subjectNames(db: Db, kind: TBoardKind, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    kind === 'person'
      ? await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids))
      : kind === 'household'
        ? await db.select({ id: households.id, name: households.label }).from(households).where(inArray(households.id, ids))
        : await db.select({ id: courtyards.id, name: courtyards.name }).from(courtyards).where(inArray(courtyards.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
