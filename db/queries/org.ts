import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { courtyards, households, townships, villages } from '../schema';

export type TCourtyardPlace = {
  courtyard: { id: string; name: string };
  village: { id: string; name: string };
  township: { id: string; name: string };
};

/** A courtyard's place as columns (shared by reads that join more). */
export const placeColumns = {
  courtyardId: courtyards.id,
  courtyardName: courtyards.name,
  villageId: villages.id,
  villageName: villages.name,
  townshipId: townships.id,
  townshipName: townships.name,
};

type TPlaceRow = { [K in keyof typeof placeColumns]: string | null };

/** The place from `placeColumns` read through outer joins: null when any part is missing. */
export function toCourtyardPlace(r: TPlaceRow): TCourtyardPlace | null {
  const { courtyardId, courtyardName, villageId, villageName, townshipId, townshipName } = r;
  if (courtyardId === null || courtyardName === null || villageId === null || villageName === null || townshipId === null || townshipName === null) return null;
  return {
    courtyard: { id: courtyardId, name: courtyardName },
    village: { id: villageId, name: villageName },
    township: { id: townshipId, name: townshipName },
  };
}

/** A courtyard with its village and township, or null. */
const courtyardPlaceRows = prepared((db, p: TPlaceholders<{ courtyardId: string }>) =>
  db
    .select(placeColumns)
    .from(courtyards)
    .innerJoin(villages, eq(villages.id, courtyards.villageId))
    .innerJoin(townships, eq(townships.id, villages.townshipId))
    .where(eq(courtyards.id, p.courtyardId)),
);

export async function findCourtyardPlace(db: Db, courtyardId: string): Promise<TCourtyardPlace | null> {
  const [r] = await courtyardPlaceRows(db, { courtyardId });
  return r ? toCourtyardPlace(r) : null;
}

export async function findVillagePlace(db: Db, villageId: string) {
  const [r] = await db.select({ id: villages.id, name: villages.name, townshipId: villages.townshipId }).from(villages).where(eq(villages.id, villageId));
  return r ?? null;
}

/** Inserts the household unless (courtyard, label) exists; returns its id either way. */
export async function upsertHousehold(db: Db, courtyardId: string, label: string): Promise<string> {
  const [r] = await db
    .insert(households)
    .values({ courtyardId, label })
    .onConflictDoUpdate({ target: [households.courtyardId, households.label], set: { label } })
    .returning({ id: households.id });
  return r.id;
}

const householdById = prepared((db, p: TPlaceholders<{ id: string }>) =>
  db.select({ id: households.id, label: households.label, courtyardId: households.courtyardId }).from(households).where(eq(households.id, p.id)),
);

export async function findHousehold(db: Db, householdId: string) {
  const [r] = await householdById(db, { id: householdId });
  return r ?? null;
}

export async function listVillagesOfTownship(db: Db, townshipId: string) {
  return db
    .select({ id: villages.id, name: villages.name })
    .from(villages)
    .where(eq(villages.townshipId, townshipId))
    .orderBy(asc(villages.createdAt), asc(villages.id));
}

/** The village a person belongs to, as SQL over `personId` (a value or a column): their household's, else that of their first scoped role. */
export function homeVillageSql(personId: unknown): SQL<string | null> {
  return sql<string | null>`coalesce(
      (select c.village_id from people p join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id where p.id = ${personId}),
      (select ra.village_id from role_assignments ra where ra.person_id = ${personId} and ra.ended_at is null and ra.village_id is not null order by ra.created_at limit 1)
    )`;
}

/** The village a person belongs to: their household's, else that of their first scoped role. */
export async function homeVillageOf(db: Db, personId: string): Promise<string | null> {
  const r = await db.execute(sql`select ${homeVillageSql(personId)} as village_id`);
  const rows = (r as unknown as { rows: { village_id: string | null }[] }).rows;
  return rows[0]?.village_id ?? null;
}

export type TPersonPlace = { householdId: string | null; courtyardId: string | null; villageId: string; townshipId: string };

/** Where a person's points count: their household's courtyard, else the village of their first scoped role. */
export async function findPersonPlace(db: Db, personId: string): Promise<TPersonPlace | null> {
  const r = await db.execute(sql`
    select h.id as household_id, c.id as courtyard_id, v.id as village_id, v.township_id
      from people p join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id join villages v on v.id = c.village_id
     where p.id = ${personId}
    union all
    (select null, null, ra.village_id, ra.township_id from role_assignments ra
      where ra.person_id = ${personId} and ra.ended_at is null and ra.village_id is not null order by ra.created_at limit 1)
    limit 1`);
  const row = (r as unknown as { rows: Record<string, string | null>[] }).rows[0];
  return row ? { householdId: row.household_id, courtyardId: row.courtyard_id, villageId: row.village_id!, townshipId: row.township_id! } : null;
}

export async function listCourtyardsOfVillage(db: Db, villageId: string) {
  return db
    .select({ id: courtyards.id, name: courtyards.name })
    .from(courtyards)
    .where(eq(courtyards.villageId, villageId))
    .orderBy(asc(courtyards.createdAt), asc(courtyards.id));
}
