import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, registryImportRows, registryImports } from '../schema';
import type { TRegistryFlag } from '../../shared/domain/registry-sheet';

export type TImportHead = { id: string; villageId: string; townshipId: string; state: 'staging' | 'committed'; fileName: string };

export async function insertRegistryImport(db: Db, v: { villageId: string; townshipId: string; createdBy: string; fileName: string }): Promise<string> {
  const [r] = await db.insert(registryImports).values(v).returning({ id: registryImports.id });
  return r.id;
}

/**
 * The import if it belongs to the village (another village's import reads as missing). `lock`:
 * 'update' holds it for the commit; 'share' lets chunks stage side by side but never during the commit.
 */
export async function findRegistryImport(db: Db, villageId: string, importId: string, lock?: 'update' | 'share'): Promise<TImportHead | null> {
  const q = db
    .select({
      id: registryImports.id,
      villageId: registryImports.villageId,
      townshipId: registryImports.townshipId,
      state: registryImports.state,
      fileName: registryImports.fileName,
    })
    .from(registryImports)
    .where(and(eq(registryImports.id, importId), eq(registryImports.villageId, villageId)));
  const [r] = await (lock ? q.for(lock) : q);
  return r ?? null;
}

/** Stages rows; a chunk sent again (a retry) replaces its lines. */
export async function upsertImportRows(db: Db, importId: string, rows: readonly { line: number; cells: string[] }[]): Promise<void> {
  await db.execute(sql`
    insert into registry_import_rows (import_id, line, cells)
    select ${importId}::uuid, x.line, x.cells from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(line int, cells jsonb)
    on conflict (import_id, line) do update set cells = excluded.cells`);
}

export async function countImportRows(db: Db, importId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registryImportRows)
    .where(eq(registryImportRows.importId, importId));
  return r.n;
}

export async function listImportRows(db: Db, importId: string): Promise<{ line: number; cells: string[] }[]> {
  return db
    .select({ line: registryImportRows.line, cells: registryImportRows.cells })
    .from(registryImportRows)
    .where(eq(registryImportRows.importId, importId))
    .orderBy(asc(registryImportRows.line));
}

export async function markImportCommitted(db: Db, importId: string, at: Date): Promise<void> {
  await db.update(registryImports).set({ state: 'committed', committedAt: at }).where(eq(registryImports.id, importId));
  await db.delete(registryImportRows).where(eq(registryImportRows.importId, importId));
}

export async function courtyardsByName(db: Db, villageId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: courtyards.id, name: courtyards.name }).from(courtyards).where(eq(courtyards.villageId, villageId));
  return new Map(rows.map((r) => [r.name, r.id]));
}

export type TRegistryPerson = {
  id: string;
  name: string;
  phone: string | null;
  relation: string | null;
  courtyardId: string;
  courtyard: string;
  household: string;
} & Record<TRegistryFlag, boolean>;

/** The village's people with their courtyard and household (the registry as it stands); `ids`: only those. */
export async function listVillageRegistry(db: Db, villageId: string, ids?: readonly string[]): Promise<TRegistryPerson[]> {
  const only = ids ? sql`and p.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)` : sql``;
  const r = await db.execute(sql`
    select p.id, p.name, p.phone, p.relation, p.elderly, p.lives_alone, p.needs_care, p.is_party_member, p.absent_for_work,
           c.id as courtyard_id, c.name as courtyard, h.label as household
      from people p join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id
     where c.village_id = ${villageId} ${only}`);
  return (r as unknown as { rows: Record<string, unknown>[] }).rows.map((x) => ({
    id: x.id as string,
    name: x.name as string,
    phone: x.phone as string | null,
    relation: x.relation as string | null,
    courtyardId: x.courtyard_id as string,
    courtyard: x.courtyard as string,
    household: x.household as string,
    elderly: x.elderly as boolean,
    livesAlone: x.lives_alone as boolean,
    needsCare: x.needs_care as boolean,
    isPartyMember: x.is_party_member as boolean,
    absentForWork: x.absent_for_work as boolean,
  }));
}

/** The village's households, by courtyard id + label. */
export async function listVillageHouseholds(db: Db, villageId: string): Promise<Set<string>> {
  const r = await db.execute(
    sql`select h.courtyard_id, h.label from households h join courtyards c on c.id = h.courtyard_id where c.village_id = ${villageId}`,
  );
  return new Set((r as unknown as { rows: { courtyard_id: string; label: string }[] }).rows.map((x) => householdKey(x.courtyard_id, x.label)));
}

export const householdKey = (courtyardId: string, label: string) => `${courtyardId}\u0000${label}`;

export type TPersonWrite = {
  id: string | null;
  courtyardId: string;
  household: string;
  name: string;
  phone: string | null;
  relation: string | null;
} & Record<TRegistryFlag, boolean>;

/**
 * The commit, set-based: the new households in one INSERT, the new people in one INSERT
 * (their household found by courtyard + label), the changed people in one UPDATE … FROM.
 * Each set travels as one JSON parameter (no limit on parameters, one round trip each).
 */
export async function writeRegistry(
  db: Db,
  v: { households: { courtyardId: string; label: string }[]; inserts: TPersonWrite[]; updates: TPersonWrite[] },
): Promise<void> {
  if (v.households.length)
    await db.execute(sql`
      insert into households (courtyard_id, label)
      select x."courtyardId", x.label from jsonb_to_recordset(${JSON.stringify(v.households)}::jsonb) as x("courtyardId" uuid, label text)
      on conflict (courtyard_id, label) do nothing`);
  if (v.inserts.length)
    await db.execute(sql`
      insert into people (household_id, name, phone, relation, elderly, lives_alone, needs_care, is_party_member, absent_for_work)
      select h.id, x.name, x.phone, x.relation, x.elderly, x."livesAlone", x."needsCare", x."isPartyMember", x."absentForWork"
        from jsonb_to_recordset(${JSON.stringify(v.inserts)}::jsonb) as ${sql.raw('x("courtyardId" uuid, household text, name text, phone text, relation text, elderly boolean, "livesAlone" boolean, "needsCare" boolean, "isPartyMember" boolean, "absentForWork" boolean)')}
        join households h on h.courtyard_id = x."courtyardId" and h.label = x.household`);
  if (v.updates.length)
    await db.execute(sql`
      update people p set household_id = h.id, name = x.name, phone = x.phone, relation = x.relation, elderly = x.elderly,
             lives_alone = x."livesAlone", needs_care = x."needsCare", is_party_member = x."isPartyMember", absent_for_work = x."absentForWork"
        from jsonb_to_recordset(${JSON.stringify(v.updates)}::jsonb) as ${sql.raw('x(id uuid, "courtyardId" uuid, household text, name text, phone text, relation text, elderly boolean, "livesAlone" boolean, "needsCare" boolean, "isPartyMember" boolean, "absentForWork" boolean)')}
        join households h on h.courtyard_id = x."courtyardId" and h.label = x.household
       where p.id = x.id`);
}

/**
 * Housekeeping of staged imports started before `before`: an import never committed goes with
 * its rows; a committed one keeps its record (its audit line has the counts) but not its rows.
 */
export async function pruneRegistryImportsBefore(db: Db, before: Date): Promise<{ abandoned: number; rows: number }> {
  const abandoned = await db
    .delete(registryImports)
    .where(and(eq(registryImports.state, 'staging'), lt(registryImports.createdAt, before)))
    .returning({ id: registryImports.id });
  const rows = await db
    .delete(registryImportRows)
    .where(
      inArray(
        registryImportRows.importId,
        db
          .select({ id: registryImports.id })
          .from(registryImports)
          .where(and(eq(registryImports.state, 'committed'), lt(registryImports.createdAt, before))),
      ),
    )
    .returning({ id: registryImportRows.importId });
  return { abandoned: abandoned.length, rows: rows.length };
}
