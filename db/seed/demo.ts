import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { binCleaners, bins, courtyards, householdPartyLinks, households, people, roleAssignments, townships, villages } from '../schema';
import { makeSceneCode } from '../../shared/domain/scene-code';
import type { TRole } from '../../shared/domain/roles';
import { seedPoints } from './points';
import { seedVillageLife, type TDemoCourtyard } from './life';
import { personName, phoneNumber, seedUuid, seededRandom, uniqueIn } from './random';

/** What the demo seed made, for tests and the start banner. */
export type TDemoSummary = { townships: number; villages: number; courtyards: number; households: number; people: number; bins: number; pointsEntries: number };

const NS = { township: 1, village: 2, courtyard: 3, household: 4, person: 5, role: 6, bin: 7 } as const;

/**
 * 演示数据: one township, two villages (石坝村 is the pilot with 66 bins), 12 courtyards of
 * 10–30 households, people holding every role. Deterministic; does nothing if already seeded.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<TDemoSummary | 'already-seeded'> {
  const townshipId = seedUuid(NS.township, 1);
  const existing = await db
    .select({ id: townships.id })
    .from(townships)
    .where(sql`${townships.id} = ${townshipId}`);
  if (existing.length) return 'already-seeded';

  const rand = seededRandom(20261122);
  const counter = { household: 0, person: 0, role: 0 };
  const plan = [
    { name: '石坝村', lat: 29.5612, lng: 106.4621, courtyards: ['桂花院', '竹林院', '老屋院', '堰塘院', '石板院', '柑子院', '新房院'] },
    { name: '柳河村', lat: 29.5833, lng: 106.4912, courtyards: ['柳树院', '河湾院', '大院子', '坡上院', '水井院'] },
  ];

  return db.transaction(async (tx) => {
    await tx.insert(townships).values({ id: townshipId, name: '龙兴镇' });
    const summary: TDemoSummary = { townships: 1, villages: 0, courtyards: 0, households: 0, people: 0, bins: 0, pointsEntries: 0 };
    const roleRows: (typeof roleAssignments.$inferInsert)[] = [];
    const yards: TDemoCourtyard[] = [];
    let firstVillagerId: string | undefined;
    const grant = (personId: string, role: TRole, scope: { villageId?: string; courtyardId?: string }) =>
      roleRows.push({
        id: seedUuid(NS.role, ++counter.role),
        personId,
        role,
        townshipId,
        scopeType: scope.courtyardId ? 'courtyard' : scope.villageId ? 'village' : 'township',
        villageId: scope.villageId ?? null,
        courtyardId: scope.courtyardId ?? null,
      });

    for (const [vi, v] of plan.entries()) {
      const villageId = seedUuid(NS.village, vi + 1);
      await tx.insert(villages).values({ id: villageId, townshipId, name: v.name, depotLat: v.lat, depotLng: v.lng });
      summary.villages++;
      const courtyardIds: string[] = [];
      for (const [ci, cname] of v.courtyards.entries()) {
        const courtyardId = seedUuid(NS.courtyard, vi * 100 + ci + 1);
        courtyardIds.push(courtyardId);
        await tx.insert(courtyards).values({ id: courtyardId, villageId, name: cname });
        summary.courtyards++;
        const householdCount = 10 + Math.floor(rand() * 21); // 10–30 户
        const hhRows: (typeof households.$inferInsert)[] = [];
        const personRows: (typeof people.$inferInsert)[] = [];
        let headId: string | null = null;
        for (let h = 1; h <= householdCount; h++) {
          const householdId = seedUuid(NS.household, ++counter.household);
          hhRows.push({ id: householdId, courtyardId, label: `${cname}${h}号` });
          const size = 1 + Math.floor(rand() * 5);
          const surname = personName(rand).slice(0, 1);
          for (let p = 0; p < size; p++) {
            const personId = seedUuid(NS.person, ++counter.person);
            const alone = size === 1 && rand() < 0.6;
            // names are unique within a household: a repeat takes the next given name instead
            const name = uniqueIn(
              personRows.filter((r) => r.householdId === householdId).map((r) => r.name),
              personName(rand, surname),
            );
            personRows.push({
              id: personId,
              name,
              phone: p === 0 ? phoneNumber(rand) : null,
              householdId,
              relation: p === 0 ? '户主' : ['配偶', '子女', '父母', '孙辈'][p % 4],
              livesAlone: alone,
              elderly: alone || rand() < 0.15,
              // the head (household 1) leads the courtyard's party group
              isPartyMember: p === 0 && (rand() < 0.2 || h === 1),
            });
            if (p === 0) grant(personId, 'villager', { villageId, courtyardId });
            if (h === 1 && p === 0) headId = personId;
            // the dev sign-in lists villagers by village, courtyard and id, the head apart:
            // household 2's 户主 of the first courtyard comes first
            if (vi === 0 && ci === 0 && h === 2 && p === 0) firstVillagerId = personId;
          }
        }
        await tx.insert(households).values(hhRows);
        await tx.insert(people).values(personRows);
        // 党员联户: each household looked after by one of the courtyard's party members, in turn
        const partyIds = personRows.filter((r) => r.isPartyMember).map((r) => r.id!);
        await tx.insert(householdPartyLinks).values(hhRows.map((hh, i) => ({ householdId: hh.id!, personId: partyIds[i % partyIds.length] })));
        summary.households += hhRows.length;
        summary.people += personRows.length;
        grant(headId!, 'courtyard_head', { villageId, courtyardId });
        if (vi === 0 && ci < 3) {
          const residents = personRows.filter((r, i) => i > 0 && r.relation === '户主').map((r) => ({ personId: r.id!, householdId: r.householdId! }));
          yards.push({ villageId, townshipId, courtyardId, headId: headId!, residents });
        }
      }
      // village staff live in the village but hold village-wide roles
      const cleanerIds: string[] = [];
      for (const [role, n] of [
        ['village_cadre', 2],
        ['cleaner', vi === 0 ? 2 : 1],
        ['shopkeeper', 1],
      ] as const) {
        for (let k = 0; k < n; k++) {
          const personId = seedUuid(NS.person, ++counter.person);
          await tx.insert(people).values({ id: personId, name: personName(rand), phone: phoneNumber(rand) });
          summary.people++;
          grant(personId, role, { villageId });
          if (role === 'cleaner') cleanerIds.push(personId);
        }
      }
      if (vi === 0) summary.bins = await seedBins(tx, rand, villageId, courtyardIds, cleanerIds, v.lat, v.lng);
    }
    const staffId = seedUuid(NS.person, ++counter.person);
    await tx.insert(people).values({ id: staffId, name: personName(rand), phone: phoneNumber(rand) });
    summary.people++;
    grant(staffId, 'township_staff', {});
    await tx.insert(roleAssignments).values(roleRows);
    const villageRows = plan.map((_, vi) => ({ id: seedUuid(NS.village, vi + 1), townshipId }));
    summary.pointsEntries = await seedPoints(tx, rand, villageRows, now, { topUpPersonId: firstVillagerId });
    await seedVillageLife(tx, yards, now);
    return summary;
  });
}

/** 66 bins around the pilot village's depot, spread over ~1.5 km, each with its scene code. */
async function seedBins(
  tx: Db,
  rand: () => number,
  villageId: string,
  courtyardIds: string[],
  cleanerIds: string[],
  lat: number,
  lng: number,
): Promise<number> {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const rows = Array.from({ length: 66 }, (_, i) => ({
    id: seedUuid(NS.bin, i + 1),
    villageId,
    courtyardId: courtyardIds[i % courtyardIds.length],
    label: `${String(i + 1).padStart(2, '0')}号桶`,
    code: makeSceneCode(12, bytes),
    lat: Number((lat + (rand() - 0.5) * 0.014).toFixed(6)),
    lng: Number((lng + (rand() - 0.5) * 0.016).toFixed(6)),
  }));
  await tx.insert(bins).values(rows);
  // the first cleaner covers the west half of the village, the second the east half
  const byLng = [...rows].sort((a, b) => a.lng - b.lng);
  await tx
    .insert(binCleaners)
    .values(byLng.map((b, i) => ({ binId: b.id, personId: cleanerIds[Math.min(cleanerIds.length - 1, Math.floor((i * cleanerIds.length) / byLng.length))] })));
  return rows.length;
}
