import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { people } from '../schema';

export type TPersonRecord = {
  id: string;
  name: string;
  phone: string | null;
  householdId: string | null;
  livesAlone: boolean;
  elderly: boolean;
  needsCare: boolean;
};

/** The columns of a person record (shared by reads that join more). */
export const personColumns = {
  id: people.id,
  name: people.name,
  phone: people.phone,
  householdId: people.householdId,
  livesAlone: people.livesAlone,
  elderly: people.elderly,
  needsCare: people.needsCare,
};

export async function insertPerson(
  db: Db,
  p: { name: string; phone?: string | null; householdId?: string | null; relation?: string | null },
): Promise<TPersonRecord> {
  const [r] = await db.insert(people).values(p).returning(personColumns);
  return r;
}

const personById = prepared((db, p: TPlaceholders<{ id: string }>) => db.select(personColumns).from(people).where(eq(people.id, p.id)));

export async function findPerson(db: Db, id: string): Promise<TPersonRecord | null> {
  const [r] = await personById(db, { id });
  return r ?? null;
}

export async function updatePerson(
  db: Db,
  id: string,
  set: Partial<Pick<TPersonRecord, 'name' | 'phone' | 'householdId' | 'livesAlone' | 'elderly' | 'needsCare'>>,
): Promise<void> {
  await db.update(people).set(set).where(eq(people.id, id));
}

/** Names already present in a household (to add family members once). */
export async function listHouseholdMemberNames(db: Db, householdId: string): Promise<string[]> {
  const rows = await db.select({ name: people.name }).from(people).where(eq(people.householdId, householdId));
  return rows.map((r) => r.name);
}

export async function insertHouseholdMembers(db: Db, householdId: string, members: { name: string; relation: string }[]): Promise<void> {
  if (members.length === 0) return;
  await db.insert(people).values(members.map((m) => ({ name: m.name, relation: m.relation, householdId })));
}

export async function listPeopleNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(inArray(people.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function deletePerson(db: Db, id: string): Promise<void> {
  await db.delete(people).where(eq(people.id, id));
}
