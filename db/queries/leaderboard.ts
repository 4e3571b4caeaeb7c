import { and, asc, count, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, households, people, pointsTotals } from '../schema';
import type { TBoardKind } from '../../shared/domain/points';

export type { TBoardKind };
export type TBoardScope = { villageId: string } | { townshipId: string };

const scopeWhere = (s: TBoardScope) => ('villageId' in s ? eq(pointsTotals.villageId, s.villageId) : eq(pointsTotals.townshipId, s.townshipId));

/** The top of a board: an index range scan on (scope, kind, period, total). */
export async function topTotals(db: Db, scope: TBoardScope, kind: TBoardKind, period: string, limit: number) {
  return db
    .select({ subjectId: pointsTotals.subjectId, total: pointsTotals.total })
    .from(pointsTotals)
    .where(and(scopeWhere(scope), eq(pointsTotals.kind, kind), eq(pointsTotals.period, period)))
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

/** How many on the board are strictly above `total` (rank = that + 1; ties share a rank). */
export async function countAbove(db: Db, scope: TBoardScope, kind: TBoardKind, period: string, total: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(pointsTotals)
    .where(and(scopeWhere(scope), eq(pointsTotals.kind, kind), eq(pointsTotals.period, period), gt(pointsTotals.total, total)));
  return Number(r.n);
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
