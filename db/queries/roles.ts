import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, people, roleAssignments, townships, villages } from '../schema';
import type { TRole, TScopeType } from '../../shared/domain/roles';

export type TGrantRecord = {
  role: TRole;
  scopeType: TScopeType;
  scopeId: string;
  scopeName: string;
  townshipId: string;
  villageId: string | null;
  courtyardId: string | null;
};

/** A grant's scope by name: its courtyard's, else its village's, else its township's. */
export const grantScopeName = sql<string>`coalesce(${courtyards.name}, ${villages.name}, ${townships.name})`;
const scopeName = grantScopeName;

/** The person's active role grants, with the name of each scope. */
export async function listActiveGrants(db: Db, personId: string): Promise<TGrantRecord[]> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      scopeType: roleAssignments.scopeType,
      townshipId: roleAssignments.townshipId,
      villageId: roleAssignments.villageId,
      courtyardId: roleAssignments.courtyardId,
      scopeName,
    })
    .from(roleAssignments)
    .innerJoin(townships, eq(townships.id, roleAssignments.townshipId))
    .leftJoin(villages, eq(villages.id, roleAssignments.villageId))
    .leftJoin(courtyards, eq(courtyards.id, roleAssignments.courtyardId))
    .where(and(eq(roleAssignments.personId, personId), isNull(roleAssignments.endedAt)))
    .orderBy(asc(roleAssignments.createdAt));
  return rows.map((r) => ({ ...r, scopeId: r.courtyardId ?? r.villageId ?? r.townshipId }));
}

export async function insertRoleAssignment(
  db: Db,
  v: {
    personId: string;
    role: TRole;
    scopeType: TScopeType;
    townshipId: string;
    villageId?: string | null;
    courtyardId?: string | null;
    grantedBy?: string | null;
    createdAt?: Date;
  },
): Promise<void> {
  await db.insert(roleAssignments).values(v);
}

/** Ends the person's current villager role (moving to another courtyard). */
export async function endVillagerRole(db: Db, personId: string, at: Date): Promise<void> {
  await db
    .update(roleAssignments)
    .set({ endedAt: at })
    .where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.role, 'villager'), isNull(roleAssignments.endedAt)));
}

export type TDevPersonRecord = { id: string; name: string; role: TRole | null; scopeName: string | null };

/** Demo people for the development sign-in: a few holders of each role, in a stable order. */
export async function listPeopleByRole(db: Db, role: TRole, limit: number): Promise<TDevPersonRecord[]> {
  const rows = await db
    .select({ id: people.id, name: people.name, scopeName })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(townships, eq(townships.id, roleAssignments.townshipId))
    .leftJoin(villages, eq(villages.id, roleAssignments.villageId))
    .leftJoin(courtyards, eq(courtyards.id, roleAssignments.courtyardId))
    .where(and(eq(roleAssignments.role, role), isNull(roleAssignments.endedAt)))
    .orderBy(asc(villages.createdAt), asc(villages.id), asc(courtyards.id), asc(people.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, role }));
}

export type TRoleHolder = { id: string; name: string; phone: string | null };

/** The column a grant's scope id sits in, by the scope's type. */
const scopeColumn = { courtyard: roleAssignments.courtyardId, village: roleAssignments.villageId, township: roleAssignments.townshipId };

/**
 * 角色持有人: who holds `role` now, bound to exactly this courtyard, village or township (a
 * courtyard's heads, a village's cadres or cleaners, a township's staff), oldest grant first.
 */
export async function listRoleHolders(db: Db, role: TRole, scope: { type: TScopeType; id: string }): Promise<TRoleHolder[]> {
  return db
    .select({ id: people.id, name: people.name, phone: people.phone })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(eq(roleAssignments.role, role), eq(roleAssignments.scopeType, scope.type), eq(scopeColumn[scope.type], scope.id), isNull(roleAssignments.endedAt)),
    )
    .orderBy(asc(roleAssignments.createdAt), asc(people.id));
}
