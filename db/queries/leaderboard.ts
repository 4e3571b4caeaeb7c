import { and, asc, count, desc, eq, gt, inArray, isNull, notInArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { courtyards, households, people, pointsTotals, roleAssignments } from '../schema';
import type { TBoardKind } from '../../shared/domain/points';
import type { TRole } from '../../shared/domain/roles';

export type { TBoardKind };
export type TBoardScope = { villageId: string } | { townshipId: string };

const scopeWhere = (s: TBoardScope) => ('villageId' in s ? eq(pointsTotals.villageId, s.villageId) : eq(pointsTotals.townshipId, s.townshipId));

/** The current holders of any of `roles`: a few per village, read from role_assignments_active_role_idx. */
function holdersOf(db: Db, roles: readonly TRole[]) {
  return db
    .select({ id: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(inArray(roleAssignments.role, [...roles]), isNull(roleAssignments.endedAt)));
}

/**
 * Person subjects holding none of `roles` now. `not in` lets the planner hash the holders once
 * (person_id is never null), where `not exists` probed role_assignments for every row read: at
 * district scale 50 cold probes were half of a person board's top.
 */
function holdsNone(db: Db, roles: readonly TRole[]): SQL | undefined {
  if (!roles.length) return undefined;
  return notInArray(pointsTotals.subjectId, holdersOf(db, roles));
}

type TBoardArgs = { scopeId: string; kind: TBoardKind; period: string };
type TLevel = 'village' | 'township';

/** One built query per variant (scope level, the roles left out, and `more`), filled per call (decision 022). */
function variants<TArgs extends Record<string, unknown>, TResult, TMore extends string = never>(
  build: (level: TLevel, roles: readonly TRole[], more: TMore) => (db: Db, p: TPlaceholders<TArgs>) => PromiseLike<TResult>,
) {
  const made = new Map<string, (db: Db, args: TArgs) => Promise<TResult>>();
  return (scope: TBoardScope, roles: readonly TRole[], more = '' as TMore) => {
    const level = 'villageId' in scope ? 'village' : 'township';
    const key = `${level}:${roles.join(',')}:${more}`;
    let q = made.get(key);
    if (!q) made.set(key, (q = prepared(build(level, [...roles], more))));
    return q;
  };
}
const scopeId = (s: TBoardScope) => ('villageId' in s ? s.villageId : s.townshipId);
const scopeColumn = (level: TLevel) => (level === 'village' ? pointsTotals.villageId : pointsTotals.townshipId);

/** Each board subject's display name, for joining to its totals. */
const nameOf = {
  person: { table: people, id: people.id, name: people.name },
  household: { table: households, id: households.id, name: households.label },
  courtyard: { table: courtyards, id: courtyards.id, name: courtyards.name },
} as const;

/**
 * The top of a board with each subject's name: the first entries of the rank index (scope, kind,
 * period, total desc, subject), already in board order, each joined to its name by key. Person
 * boards may leave out people holding any of `exceptRoles` (with none, every subject counts).
 */
const topRows = variants((level, roles, kind: TBoardKind) => (db, p: TPlaceholders<Omit<TBoardArgs, 'kind'> & { limit: number }>) => {
  const n = nameOf[kind];
  return db
    .select({ subjectId: pointsTotals.subjectId, total: pointsTotals.total, name: n.name })
    .from(pointsTotals)
    .leftJoin(n.table, eq(n.id, pointsTotals.subjectId))
    .where(and(eq(scopeColumn(level), p.scopeId), eq(pointsTotals.kind, kind), eq(pointsTotals.period, p.period), holdsNone(db, roles)))
    .orderBy(desc(pointsTotals.total), asc(pointsTotals.subjectId))
    .limit(p.limit);
});

export async function topTotals(db: Db, scope: TBoardScope, kind: TBoardKind, period: string, limit: number, exceptRoles: readonly TRole[] = []) {
  const rows = await topRows(scope, exceptRoles, kind)(db, { scopeId: scopeId(scope), period, limit });
  return rows.map((r) => ({ subjectId: r.subjectId, total: r.total, name: r.name ?? '' }));
}

const totalRows = prepared((db, p: TPlaceholders<{ kind: TBoardKind; subjectId: string; period: string }>) =>
  db
    .select({ total: pointsTotals.total })
    .from(pointsTotals)
    .where(and(eq(pointsTotals.kind, p.kind), eq(pointsTotals.subjectId, p.subjectId), eq(pointsTotals.period, p.period))),
);

export async function findTotal(db: Db, kind: TBoardKind, subjectId: string, period: string): Promise<number | null> {
  const [r] = await totalRows(db, { kind, subjectId, period });
  return r?.total ?? null;
}

/**
 * How many on the board are strictly above `than` (rank = that + 1; ties share a rank), leaving
 * out as topTotals does. Counted as everyone above minus the role holders above: the first is a
 * prefix of the rank index read without the table, the second walks the few current holders of
 * `exceptRoles` (role_assignments_active_role_idx), so no row above costs a probe of its grants.
 */
function aboveSql(db: Db, level: TLevel, roles: readonly TRole[], p: TPlaceholders<TBoardArgs>, than: SQL | AnyColumn): SQL {
  const above = and(eq(scopeColumn(level), p.scopeId), eq(pointsTotals.kind, p.kind), eq(pointsTotals.period, p.period), gt(pointsTotals.total, than));
  const everyone = db.select({ n: count() }).from(pointsTotals).where(above);
  if (!roles.length) return sql`(${everyone})`;
  const heldAbove = db
    .select({ n: count() })
    .from(pointsTotals)
    .where(and(above, inArray(pointsTotals.subjectId, holdersOf(db, roles))));
  return sql`(${everyone}) - (${heldAbove})`;
}

const aboveCount = variants(
  (level, roles) => (db, p: TPlaceholders<TBoardArgs & { total: number }>) =>
    db.select({ n: sql<number>`${aboveSql(db, level, roles, p, sql`${p.total}`)}` }).from(sql`(select 1) as one`),
);

export async function countAbove(
  db: Db,
  scope: TBoardScope,
  kind: TBoardKind,
  period: string,
  total: number,
  exceptRoles: readonly TRole[] = [],
): Promise<number> {
  const [r] = await aboveCount(scope, exceptRoles)(db, { scopeId: scopeId(scope), kind, period, total });
  return Number(r.n);
}

const mine = alias(pointsTotals, 'mine');
const standingRows = variants(
  (level, roles) => (db, p: TPlaceholders<TBoardArgs & { subjectId: string }>) =>
    db
      .select({ total: mine.total, above: sql<number>`${aboveSql(db, level, roles, p, mine.total)}` })
      .from(mine)
      .where(and(eq(mine.kind, p.kind), eq(mine.subjectId, p.subjectId), eq(mine.period, p.period))),
);

/**
 * A subject's total and rank on a board in one statement (countAbove over its own total); null
 * when it has no total for the period. The subject is assumed to be on the board (not left out).
 */
export async function findStanding(
  db: Db,
  scope: TBoardScope,
  kind: TBoardKind,
  period: string,
  subjectId: string,
  exceptRoles: readonly TRole[] = [],
): Promise<{ total: number; rank: number } | null> {
  const [r] = await standingRows(scope, exceptRoles)(db, { scopeId: scopeId(scope), kind, period, subjectId });
  return r ? { total: r.total, rank: Number(r.above) + 1 } : null;
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

const nameRows = {
  person: prepared((db, p: TPlaceholders<{ ids: string[] }>) =>
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(sql`${people.id} = any(${p.ids}::uuid[])`),
  ),
  household: prepared((db, p: TPlaceholders<{ ids: string[] }>) =>
    db
      .select({ id: households.id, name: households.label })
      .from(households)
      .where(sql`${households.id} = any(${p.ids}::uuid[])`),
  ),
  courtyard: prepared((db, p: TPlaceholders<{ ids: string[] }>) =>
    db
      .select({ id: courtyards.id, name: courtyards.name })
      .from(courtyards)
      .where(sql`${courtyards.id} = any(${p.ids}::uuid[])`),
  ),
};

/** Display names of board subjects (the ids as one array parameter: one built query for any count). */
export async function subjectNames(db: Db, kind: TBoardKind, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await nameRows[kind](db, { ids });
  return new Map(rows.map((r) => [r.id, r.name]));
}
