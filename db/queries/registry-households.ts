import { and, asc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, households, people, villages } from '../schema';
import { anywhere, inScope, type TRegistryScope } from './registry';

export type THouseholdWhere = {
  scope: TRegistryScope;
  /** matched anywhere in the 户号 or a member's name */
  q?: string;
  courtyardId?: string;
  villageId?: string;
};

export type THouseholdRecord = {
  id: string;
  label: string;
  courtyardId: string;
  courtyardName: string;
  villageId: string;
  villageName: string;
  /** created_at as Postgres writes it (microseconds), for the page cursor */
  at: string;
  members: { id: string; name: string; relation: string | null; elderly: boolean; livesAlone: boolean; needsCare: boolean }[];
};

function conditions(db: Db, w: THouseholdWhere): SQL[] {
  const out: (SQL | undefined)[] = [inScope(w.scope)];
  if (w.villageId) out.push(eq(courtyards.villageId, w.villageId));
  if (w.courtyardId) out.push(eq(households.courtyardId, w.courtyardId));
  if (w.q) {
    const pat = anywhere(w.q);
    out.push(
      or(
        ilike(households.label, pat),
        exists(
          db
            .select({ one: sql`1` })
            .from(people)
            .where(and(eq(people.householdId, households.id), ilike(people.name, pat))),
        ),
      ),
    );
  }
  return out.filter((c): c is SQL => c !== undefined);
}

/**
 * 户: one page of a place's households in (created_at, id) order after `after`, each with its
 * members (户主 first, then oldest first); reads `limit` rows (ask one more to know of a next page).
 */
export async function listHouseholds(db: Db, w: THouseholdWhere, after: { at: string; id: string } | null, limit: number): Promise<THouseholdRecord[]> {
  const cond = conditions(db, w);
  if (after) cond.push(sql`(${households.createdAt}, ${households.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  const rows = await db
    .select({
      id: households.id,
      label: households.label,
      courtyardId: courtyards.id,
      courtyardName: courtyards.name,
      villageId: villages.id,
      villageName: villages.name,
      at: sql<string>`${households.createdAt}::text`,
    })
    .from(households)
    .innerJoin(courtyards, eq(courtyards.id, households.courtyardId))
    .innerJoin(villages, eq(villages.id, courtyards.villageId))
    .where(and(...cond))
    .orderBy(asc(households.createdAt), asc(households.id))
    .limit(limit);
  if (!rows.length) return [];
  const members = await db
    .select({
      householdId: people.householdId,
      id: people.id,
      name: people.name,
      relation: people.relation,
      elderly: people.elderly,
      livesAlone: people.livesAlone,
      needsCare: people.needsCare,
    })
    .from(people)
    .where(
      inArray(
        people.householdId,
        rows.map((r) => r.id),
      ),
    )
    // 户主 first, then in the order they were written down
    .orderBy(sql`${people.relation} is distinct from '户主'`, asc(people.createdAt), asc(people.id));
  const byHousehold = new Map<string, THouseholdRecord['members']>();
  for (const m of members) {
    const list = byHousehold.get(m.householdId!) ?? [];
    list.push({ id: m.id, name: m.name, relation: m.relation, elderly: m.elderly, livesAlone: m.livesAlone, needsCare: m.needsCare });
    byHousehold.set(m.householdId!, list);
  }
  return rows.map((r) => ({ ...r, members: byHousehold.get(r.id) ?? [] }));
}
