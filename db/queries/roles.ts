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

/**
 * 村民 follow their household: each of `personIds` whose active villager grant names another
 * courtyard than their household's has it ended at `at` and a new one started there (the grant
 * history stays, as when a join request moves them). Returns how many moved.
 */
export async function moveVillagerGrants(db: Db, personIds: string[], at: Date, grantedBy: string): Promise<number> {
  if (personIds.length === 0) return 0;
  const r = await db.execute(sql`
    with moved as (
      update role_assignments ra set ended_at = ${at.toISOString()}::timestamptz
        from people p join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id
       where p.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))
         and ra.person_id = p.id and ra.role = 'villager' and ra.ended_at is null and ra.courtyard_id <> h.courtyard_id
      returning ra.person_id, c.id as courtyard_id, c.village_id, ra.township_id
    )
    insert into role_assignments (person_id, role, scope_type, township_id, village_id, courtyard_id, granted_by, created_at)
    select m.person_id, 'villager', 'courtyard', v.township_id, m.village_id, m.courtyard_id, ${grantedBy}, ${at.toISOString()}::timestamptz
      from moved m join villages v on v.id = m.village_id`);
  return (r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as unknown as { affectedRows?: number }).affectedRows ?? 0;
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
