import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, households, people, villages } from '../schema';
import type { TRegistryFlag } from '../../shared/domain/registry-sheet';

/** Whose registry: a township's, a village's or a courtyard's people. */
export type TRegistryScope = { townshipId: string } | { villageId: string } | { courtyardId: string };

export type TRegistryWhere = {
  scope: TRegistryScope;
  /** matched anywhere in the name or household label; digits also in the phone */
  q?: string;
  flags: Partial<Record<TRegistryFlag, boolean>>;
  courtyardId?: string;
  villageId?: string;
};

export type TRegistryRecord = {
  id: string;
  name: string;
  relation: string | null;
  phone: string | null;
  householdId: string;
  householdLabel: string;
  courtyardId: string;
  courtyardName: string;
  villageId: string;
  villageName: string;
  townshipId: string;
  /** created_at as Postgres writes it (microseconds), for the page cursor */
  at: string;
} & Record<TRegistryFlag, boolean>;

const columns = {
  id: people.id,
  name: people.name,
  relation: people.relation,
  phone: people.phone,
  householdId: households.id,
  householdLabel: households.label,
  courtyardId: courtyards.id,
  courtyardName: courtyards.name,
  villageId: villages.id,
  villageName: villages.name,
  townshipId: villages.townshipId,
  at: sql<string>`${people.createdAt}::text`,
  elderly: people.elderly,
  livesAlone: people.livesAlone,
  needsCare: people.needsCare,
  isPartyMember: people.isPartyMember,
  absentForWork: people.absentForWork,
};

const FLAG_COLUMNS = {
  elderly: people.elderly,
  livesAlone: people.livesAlone,
  needsCare: people.needsCare,
  isPartyMember: people.isPartyMember,
  absentForWork: people.absentForWork,
} as const;

/** `%text%` for LIKE with the text's own % _ \ taken literally. */
export const anywhere = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The place's rows, for a query joining households → courtyards → villages. */
export function inScope(s: TRegistryScope): SQL {
  return 'townshipId' in s
    ? eq(villages.townshipId, s.townshipId)
    : 'villageId' in s
      ? eq(courtyards.villageId, s.villageId)
      : eq(households.courtyardId, s.courtyardId);
}

function conditions(w: TRegistryWhere): SQL[] {
  const out: (SQL | undefined)[] = [inScope(w.scope)];
  if (w.villageId) out.push(eq(courtyards.villageId, w.villageId));
  if (w.courtyardId) out.push(eq(households.courtyardId, w.courtyardId));
  for (const [k, v] of Object.entries(w.flags) as [TRegistryFlag, boolean | undefined][]) if (v !== undefined) out.push(eq(FLAG_COLUMNS[k], v));
  if (w.q) {
    const pat = anywhere(w.q);
    // Every arm on `people` alone, so the planner can OR three index scans (the trigram indexes
    // on name and phone, people_household_idx fed with the households whose label matches, found
    // by their trigram index) and sort the few rows, instead of walking the township to the end
    // joining each person's household to test its label. A 1–2 character q has no trigram: then
    // people_created_idx is walked in page order, filtering before the joins (measured: 2-character
    // names 3× faster than testing the joined label, 1-character ones ~5 ms slower — the labels
    // are all tested up front). Same rows as `label ilike` on the joined household.
    const labelled = sql`${people.householdId} = any(array(select h.id from ${households} h where h.label ilike ${pat}))`;
    out.push(or(ilike(people.name, pat), labelled, /^\d{3,}$/.test(w.q) ? sql`${people.phone} like ${pat}` : undefined));
  }
  return out.filter((c): c is SQL => c !== undefined);
}

const base = (db: Db) =>
  db
    .select(columns)
    .from(people)
    .innerJoin(households, eq(households.id, people.householdId))
    .innerJoin(courtyards, eq(courtyards.id, households.courtyardId))
    .innerJoin(villages, eq(villages.id, courtyards.villageId));

/** One page in (created_at, id) order after `after` (its `at` and id); reads `limit` rows (ask one more to know of a next page). */
export async function listRegistry(db: Db, w: TRegistryWhere, after: { at: string; id: string } | null, limit: number): Promise<TRegistryRecord[]> {
  const cond = conditions(w);
  if (after) cond.push(sql`(${people.createdAt}, ${people.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return base(db)
    .where(and(...cond))
    .orderBy(asc(people.createdAt), asc(people.id))
    .limit(limit);
}

/** Every matching person, by village, courtyard, household (the export). */
export async function allRegistry(db: Db, w: TRegistryWhere): Promise<TRegistryRecord[]> {
  return base(db)
    .where(and(...conditions(w)))
    .orderBy(asc(villages.name), asc(courtyards.name), asc(households.label), asc(people.createdAt), asc(people.id));
}

/** One person with their household, courtyard and village (null: none, or not in a household); locked with `forUpdate`. */
export async function findRegistryPerson(db: Db, personId: string, forUpdate = false): Promise<TRegistryRecord | null> {
  const q = base(db).where(eq(people.id, personId));
  const [r] = forUpdate ? await q.for('update', { of: people }) : await q;
  return r ?? null;
}

export type TPersonRegistryPatch = Partial<
  { name: string; relation: string | null; phone: string | null; householdId: string } & Record<TRegistryFlag, boolean>
>;

export async function updatePersonRegistry(db: Db, personId: string, patch: TPersonRegistryPatch): Promise<void> {
  if (Object.keys(patch).length) await db.update(people).set(patch).where(eq(people.id, personId));
}

/** A courtyard of the village by id (null: none there). */
export async function findCourtyardOfVillage(db: Db, villageId: string, courtyardId: string) {
  const [r] = await db
    .select({ id: courtyards.id, name: courtyards.name })
    .from(courtyards)
    .where(and(eq(courtyards.id, courtyardId), eq(courtyards.villageId, villageId)));
  return r ?? null;
}

/** A household with its place, locked for the rename. */
export async function findHouseholdPlace(db: Db, householdId: string) {
  const [r] = await db
    .select({
      id: households.id,
      label: households.label,
      courtyardId: households.courtyardId,
      courtyardName: courtyards.name,
      villageId: villages.id,
      townshipId: villages.townshipId,
    })
    .from(households)
    .innerJoin(courtyards, eq(courtyards.id, households.courtyardId))
    .innerJoin(villages, eq(villages.id, courtyards.villageId))
    .where(eq(households.id, householdId))
    .for('update', { of: households });
  return r ?? null;
}

/** Another household of the courtyard already named `label`? */
export async function householdLabelTaken(db: Db, courtyardId: string, label: string, exceptId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.courtyardId, courtyardId), eq(households.label, label), sql`${households.id} <> ${exceptId}`));
  return !!r;
}

export async function setHouseholdLabel(db: Db, householdId: string, label: string): Promise<void> {
  await db.update(households).set({ label }).where(eq(households.id, householdId));
}
