import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { pointsLedger, pointsRules, rewards } from '../schema';
import { rewardPicture } from './images';
import { seedUuid } from './random';
import type { TPointsEvent } from '../../shared/domain/points-events';

const RULES: [TPointsEvent, number, number | null][] = [
  ['bin_report_first', 5, 20],
  ['bin_report_join', 2, 10],
  ['request_confirmed', 10, null],
  ['request_participation', 3, 9],
  ['meeting_attended', 10, null],
  ['volunteer', 8, 24],
  ['tidy_yard', 15, null],
];

/** The first demo villager's balance: enough for 洗衣粉 + 食用油1升 (110) or 大米5斤 + 毛巾 (140). */
export const TOP_UP_TO = 150;

/**
 * 演示积分: village rules, a small shop per village, and three months of awards for villagers,
 * with balances and boards derived from the ledger exactly as the app keeps them.
 */
export async function seedPoints(
  tx: Db,
  rand: () => number,
  villages: { id: string; townshipId: string }[],
  now: Date,
  opts: { topUpPersonId?: string } = {},
): Promise<number> {
  for (const v of villages) {
    await tx.insert(pointsRules).values(RULES.map(([eventKind, points, dailyCap]) => ({ villageId: v.id, eventKind, points, dailyCap, updatedAt: now })));
    await tx.insert(rewards).values([
      { villageId: v.id, name: '洗衣粉', price: 30, stock: 40, pictureUrl: rewardPicture('洗衣粉', '#2f6fb3') },
      { villageId: v.id, name: '食用油1升', price: 80, stock: 20, perPersonLimit: 2, pictureUrl: rewardPicture('食用油1升', '#b07a12') },
      { villageId: v.id, name: '大米5斤', price: 120, stock: 15, perPersonLimit: 1, pictureUrl: rewardPicture('大米5斤', '#6b7f2a') },
      { villageId: v.id, name: '毛巾', price: 20, stock: 60, pictureUrl: rewardPicture('毛巾', '#b3476b') },
    ]);
  }
  const villagers = await tx.execute(sql`
    select p.id, h.id as household_id, c.id as courtyard_id, v.id as village_id, v.township_id
      from role_assignments ra join people p on p.id = ra.person_id join households h on h.id = p.household_id
      join courtyards c on c.id = h.courtyard_id join villages v on v.id = c.village_id
     where ra.role = 'villager' and ra.ended_at is null order by p.id`);
  const rows = (villagers as unknown as { rows: Record<string, string>[] }).rows;
  const entries: (typeof pointsLedger.$inferInsert)[] = [];
  let n = 0;
  const award = (p: Record<string, string>, [kind, points]: (typeof RULES)[number], at: Date) => {
    const cst = new Date(at.getTime() + 8 * 3600e3);
    const key = seedUuid(9, ++n);
    entries.push({
      personId: p.id,
      householdId: p.household_id,
      courtyardId: p.courtyard_id,
      villageId: p.village_id,
      townshipId: p.township_id,
      amount: points,
      reasonCode: `rule:${kind}`,
      sourceKind: 'demo',
      sourceId: key,
      countsForBoard: true,
      month: `${cst.getUTCFullYear()}-${String(cst.getUTCMonth() + 1).padStart(2, '0')}`,
      idempotencyKey: `demo:${key}`,
      createdAt: at,
    });
  };
  for (const p of rows) {
    const count = Math.floor(rand() * 8);
    for (let i = 0; i < count; i++) {
      const rule = RULES[Math.floor(rand() * RULES.length)];
      award(p, rule, new Date(now.getTime() - Math.floor(rand() * 90) * 86400e3));
    }
  }
  // the villager the dev sign-in lists first can afford two rewards (洗衣粉 and 食用油, say):
  // a few more awards of the village's rules, in the same ledger the balances are derived from
  const first = rows.find((p) => p.id === opts.topUpPersonId);
  if (first) {
    let have = entries.filter((e) => e.personId === first.id).reduce((sum, e) => sum + e.amount, 0);
    const topUp = RULES.filter(([kind]) => kind === 'tidy_yard' || kind === 'meeting_attended' || kind === 'request_confirmed');
    for (let i = 0; have < TOP_UP_TO; i++) {
      award(first, topUp[i % topUp.length], new Date(now.getTime() - (3 + i * 6) * 86400e3));
      have += topUp[i % topUp.length][1];
    }
  }
  for (let i = 0; i < entries.length; i += 500) await tx.insert(pointsLedger).values(entries.slice(i, i + 500));
  await tx.execute(
    sql`insert into points_balances (person_id, balance, updated_at) select person_id, sum(amount), ${now.toISOString()}::timestamptz from points_ledger group by person_id`,
  );
  await tx.execute(sql`
    insert into points_totals (kind, subject_id, period, village_id, township_id, total)
    select kind, subject_id, period, min(village_id::text)::uuid, min(township_id::text)::uuid, sum(amount)::int from (
      select 'person' kind, person_id subject_id, month period, village_id, township_id, amount from points_ledger where counts_for_board
      union all select 'person', person_id, 'all', village_id, township_id, amount from points_ledger where counts_for_board
      union all select 'household', household_id, month, village_id, township_id, amount from points_ledger where counts_for_board
      union all select 'household', household_id, 'all', village_id, township_id, amount from points_ledger where counts_for_board
      union all select 'courtyard', courtyard_id, month, village_id, township_id, amount from points_ledger where counts_for_board
      union all select 'courtyard', courtyard_id, 'all', village_id, township_id, amount from points_ledger where counts_for_board) e
    group by kind, subject_id, period`);
  return entries.length;
}
