/**
 * bench/leaderboard: district-scale boards. Builds a scratch database on the PostgreSQL server
 * (default 1.5M people in 4,000 courtyards, 30M ledger entries, generated in SQL with
 * generate_series), derives the maintained totals once, then prints p50/p95 of top-50 and
 * my-rank for each board as the app serves them, beside the same answers computed by a naive
 * GROUP BY over the ledger. Target: p95 ≤ 20 ms.
 * Usage: DATABASE_URL=postgres://…/any npx tsx bench/leaderboard.ts [scale=1] [samples=50] [--keep]
 *   scale 0.1 → 150k people, 3M entries (a few minutes on 2 cores); scale 1 takes much longer.
 */
import { sql } from 'drizzle-orm';
import { migrateDb, openDb, type DbHandle } from '../db/client';
import { buildBoard } from '../functions/services/points/build-board';
import { seededRandom } from '../db/seed/random';

const scale = Number(process.argv[2] ?? 1);
const samples = Number(process.argv[3] ?? 50);
const keep = process.argv.includes('--keep');
const PEOPLE = Math.round(1_500_000 * scale);
const COURTYARDS = Math.max(20, Math.round(4000 * scale));
const ENTRIES = Math.round(30_000_000 * scale);
const HOUSEHOLDS = Math.round(PEOPLE / 3);
const VILLAGES = Math.max(1, Math.round(COURTYARDS / 20));
const TOWNSHIPS = Math.max(1, Math.round(VILLAGES / 20));
const id = (ns: number, k: string) => sql.raw(`('${ns.toString(16).padStart(8, '0')}-0000-4000-8000-' || lpad(to_hex(${k}), 12, '0'))::uuid`);

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function generate(h: DbHandle) {
  const x = (q: ReturnType<typeof sql>) => h.db.execute(q);
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const [ms] = await timed(() => x(q));
    console.log(`  ${label.padEnd(40)} ${(ms / 1000).toFixed(1)} s`);
  };
  console.log(
    `generating: ${TOWNSHIPS} townships, ${VILLAGES} villages, ${COURTYARDS} courtyards, ${HOUSEHOLDS} households, ${PEOPLE} people, ${ENTRIES} ledger entries`,
  );
  await step('townships', sql`insert into townships (id, name) select ${id(1, 'k')}, '镇' || k from generate_series(0, ${TOWNSHIPS - 1}) k`);
  await step(
    'villages',
    sql`insert into villages (id, township_id, name) select ${id(2, 'k')}, ${id(1, `k % ${TOWNSHIPS}`)}, '村' || k from generate_series(0, ${VILLAGES - 1}) k`,
  );
  await step(
    'courtyards',
    sql`insert into courtyards (id, village_id, name) select ${id(3, 'k')}, ${id(2, `k % ${VILLAGES}`)}, '院' || k from generate_series(0, ${COURTYARDS - 1}) k`,
  );
  await step(
    'households',
    sql`insert into households (id, courtyard_id, label) select ${id(4, 'k')}, ${id(3, `k % ${COURTYARDS}`)}, k || '号' from generate_series(0, ${HOUSEHOLDS - 1}) k`,
  );
  await step(
    'people',
    sql`insert into people (id, name, household_id) select ${id(5, 'k')}, '村民' || k, ${id(4, `k % ${HOUSEHOLDS}`)} from generate_series(0, ${PEOPLE - 1}) k`,
  );
  // entry i belongs to person p = hash(i) % PEOPLE; household p % H, courtyard (p % H) % C, village …
  await step(
    'ledger entries',
    sql.raw(`
    insert into points_ledger (person_id, household_id, courtyard_id, village_id, township_id, amount, reason_code, source_kind, source_id,
                               counts_for_board, month, idempotency_key, created_at)
    select ('00000005-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid,
           ('00000004-0000-4000-8000-' || lpad(to_hex(p % ${HOUSEHOLDS}), 12, '0'))::uuid,
           ('00000003-0000-4000-8000-' || lpad(to_hex((p % ${HOUSEHOLDS}) % ${COURTYARDS}), 12, '0'))::uuid,
           ('00000002-0000-4000-8000-' || lpad(to_hex(((p % ${HOUSEHOLDS}) % ${COURTYARDS}) % ${VILLAGES}), 12, '0'))::uuid,
           ('00000001-0000-4000-8000-' || lpad(to_hex((((p % ${HOUSEHOLDS}) % ${COURTYARDS}) % ${VILLAGES}) % ${TOWNSHIPS}), 12, '0'))::uuid,
           1 + (i % 10), 'rule:volunteer', 'bench', i::text, true, '2026-' || lpad((1 + i % 12)::text, 2, '0'), 'bench:' || i,
           timestamptz '2026-01-01' + (i % 12) * interval '30 days'
      from (select i, (i * 2654435761) % ${PEOPLE} as p from generate_series(0, ${ENTRIES - 1}) i) s`),
  );
  await step(
    'maintained totals (once, from the ledger)',
    sql`
    insert into points_totals (kind, subject_id, period, village_id, township_id, total)
    select kind, subject_id, period, min(village_id::text)::uuid, min(township_id::text)::uuid, sum(amount)::int from (
      select 'person' kind, person_id subject_id, month period, village_id, township_id, amount from points_ledger
      union all select 'person', person_id, 'all', village_id, township_id, amount from points_ledger
      union all select 'household', household_id, month, village_id, township_id, amount from points_ledger
      union all select 'household', household_id, 'all', village_id, township_id, amount from points_ledger
      union all select 'courtyard', courtyard_id, month, village_id, township_id, amount from points_ledger
      union all select 'courtyard', courtyard_id, 'all', village_id, township_id, amount from points_ledger) e
    group by kind, subject_id, period`,
  );
  await step('analyze', sql`analyze`);
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench/leaderboard needs DATABASE_URL (the PostgreSQL server)');
  const admin = await openDb({ url: process.env.DATABASE_URL, poolSize: 1 });
  const name = `xyj_bench_${Date.now()}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), poolSize: 4 });
  try {
    await migrateDb(h);
    await generate(h);
    const rand = seededRandom(7);
    const naive = {
      top: (villageId: string, kind: string, period: string) => {
        const col = kind === 'person' ? 'person_id' : kind === 'household' ? 'household_id' : 'courtyard_id';
        return h.db.execute(
          sql.raw(`select ${col}, sum(amount) s from points_ledger where village_id = '${villageId}' and counts_for_board
          ${period === 'all' ? '' : `and month = '${period}'`} group by 1 order by 2 desc limit 50`),
        );
      },
      rank: (villageId: string, kind: string, period: string, subject: string) => {
        const col = kind === 'person' ? 'person_id' : kind === 'household' ? 'household_id' : 'courtyard_id';
        return h.db.execute(
          sql.raw(`with t as (select ${col} s_id, sum(amount) s from points_ledger where village_id = '${villageId}' and counts_for_board
          ${period === 'all' ? '' : `and month = '${period}'`} group by 1) select 1 + count(*) from t where s > coalesce((select s from t where s_id = '${subject}'), 0)`),
        );
      },
    };
    console.log(`\n${samples} samples per row; times in ms (app = maintained totals; naive = GROUP BY over the ledger)`);
    console.log('board        period    app p50  app p95   naive p50  naive p95   ratio(p50)');
    for (const kind of ['person', 'household', 'courtyard'] as const) {
      for (const period of ['all', '2026-06']) {
        const app: number[] = [];
        const slow: number[] = [];
        for (let s = 0; s < samples; s++) {
          const k = Math.floor(rand() * PEOPLE);
          const personId = `00000005-0000-4000-8000-${k.toString(16).padStart(12, '0')}`;
          const hh = k % HOUSEHOLDS;
          const villageId = `00000002-0000-4000-8000-${((hh % COURTYARDS) % VILLAGES).toString(16).padStart(12, '0')}`;
          const subject =
            kind === 'person'
              ? personId
              : kind === 'household'
                ? `00000004-0000-4000-8000-${hh.toString(16).padStart(12, '0')}`
                : `00000003-0000-4000-8000-${(hh % COURTYARDS).toString(16).padStart(12, '0')}`;
          const [ms] = await timed(() => buildBoard(h.db, { scope: { villageId }, board: kind, period, limit: 50, by: 'total', personId }));
          app.push(ms);
          const [n1] = await timed(() => naive.top(villageId, kind, period));
          const [n2] = await timed(() => naive.rank(villageId, kind, period, subject));
          slow.push(n1 + n2);
        }
        console.log(
          `${kind.padEnd(12)} ${period.padEnd(8)} ${pct(app, 0.5).toFixed(1).padStart(8)} ${pct(app, 0.95).toFixed(1).padStart(8)}   ${pct(slow, 0.5).toFixed(1).padStart(9)} ${pct(slow, 0.95).toFixed(1).padStart(9)}   ${(pct(slow, 0.5) / pct(app, 0.5)).toFixed(1).padStart(8)}×`,
        );
      }
    }
    const tw: number[] = [];
    for (let s = 0; s < samples; s++) {
      const t = Math.floor(rand() * TOWNSHIPS);
      const townshipId = `00000001-0000-4000-8000-${t.toString(16).padStart(12, '0')}`;
      const [ms] = await timed(() =>
        buildBoard(h.db, {
          scope: { townshipId },
          board: 'courtyard',
          period: 'all',
          limit: 50,
          by: 'total',
          personId: '00000005-0000-4000-8000-000000000000',
        }),
      );
      tw.push(ms);
    }
    console.log(`township courtyards (all)  p50 ${pct(tw, 0.5).toFixed(1)} ms  p95 ${pct(tw, 0.95).toFixed(1)} ms`);
  } finally {
    await h.close();
    if (!keep) await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
