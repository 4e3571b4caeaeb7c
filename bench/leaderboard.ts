/**
 * bench/leaderboard: district-scale boards. Builds a scratch database on the PostgreSQL server
 * (default 1.5M people in 4,000 courtyards, 30M ledger entries, generated in SQL with
 * generate_series), derives the maintained totals once, then prints p50/p95 of top-50 and
 * my-rank for each board as the app serves them, beside the same answers computed by a naive
 * GROUP BY over the ledger. Target: p95 ≤ 20 ms.
 * Usage: DATABASE_URL=postgres://…/any npx tsx bench/leaderboard.ts [scale=1] [samples=50] [--keep] [--db=NAME] [--seed=N] [--no-naive]
 *   --keep leaves the scratch database; --db=NAME measures a kept one again (same scale!), e.g.
 *   before and after a change; --no-naive skips the GROUP BY comparison.
 *   scale 0.1 → 150k people, 3M entries (a few minutes on 2 cores); scale 1 takes much longer.
 */
import { sql } from 'drizzle-orm';
import { migrateDb, openDb, type DbHandle } from '../db/client';
import { buildBoard } from '../functions/services/points/build-board';
import { findStanding } from '../db/queries/leaderboard';
import { STAFF_ROLES } from '../shared/domain/roles';
import { seededRandom } from '../db/seed/random';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const scale = Number(args[0] ?? 1);
const samples = Number(args[1] ?? 50);
const keep = process.argv.includes('--keep');
const withNaive = !process.argv.includes('--no-naive');
/** --db=NAME: measure a database an earlier `--keep` run left (its migrations are brought up to date first) */
const reuse = process.argv.find((a) => a.startsWith('--db='))?.slice(5);
/** --seed=N: which villages and people are sampled (another seed reads pages a run before did not) */
const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 7);
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

/**
 * Bulk-loads `table` with `fill` on the loader's one session: its secondary indexes (and, with
 * `pk`, its primary key) are dropped first and rebuilt once at the end, and FK triggers are off
 * (session_replication_role = replica; the generated ids are consistent by construction): one
 * sorted build per index instead of 30M random inserts against the server's 128 MB of buffers.
 */
async function bulk(g: DbHandle, table: string, pk: boolean, fill: () => Promise<unknown>) {
  const rows = async (q: string) => ((await g.db.execute(sql.raw(q))) as unknown as { rows: Record<string, string>[] }).rows;
  const idx = await rows(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid = '${table}'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  const keys = pk
    ? await rows(`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = '${table}'::regclass and contype = 'p'`)
    : [];
  for (const i of idx) await g.db.execute(sql.raw(`drop index ${i.name}`));
  for (const k of keys) await g.db.execute(sql.raw(`alter table ${table} drop constraint ${k.name}`));
  await fill();
  for (const k of keys) await g.db.execute(sql.raw(`alter table ${table} add constraint ${k.name} ${k.def}`));
  for (const i of idx) await g.db.execute(sql.raw(i.def));
}

async function generate(g: DbHandle) {
  const x = (q: ReturnType<typeof sql>) => g.db.execute(q);
  const step = async (label: string, f: () => Promise<unknown>) => {
    const [ms] = await timed(f);
    console.log(`  ${label.padEnd(48)} ${(ms / 1000).toFixed(1)} s`);
  };
  console.log(
    `generating: ${TOWNSHIPS} townships, ${VILLAGES} villages, ${COURTYARDS} courtyards, ${HOUSEHOLDS} households, ${PEOPLE} people, ${ENTRIES} ledger entries`,
  );
  await x(sql.raw(`set session_replication_role = replica`));
  await x(sql.raw(`set work_mem = '512MB'`));
  await x(sql.raw(`set maintenance_work_mem = '1GB'`));
  await step('townships', () => x(sql`insert into townships (id, name) select ${id(1, 'k')}, '镇' || k from generate_series(0, ${TOWNSHIPS - 1}) k`));
  await step('villages', () =>
    x(
      sql`insert into villages (id, township_id, name) select ${id(2, 'k')}, ${id(1, `k % ${TOWNSHIPS}`)}, '村' || k from generate_series(0, ${VILLAGES - 1}) k`,
    ),
  );
  await step('courtyards', () =>
    x(
      sql`insert into courtyards (id, village_id, name) select ${id(3, 'k')}, ${id(2, `k % ${VILLAGES}`)}, '院' || k from generate_series(0, ${COURTYARDS - 1}) k`,
    ),
  );
  await step('households (indexes rebuilt after)', () =>
    bulk(g, 'households', false, () =>
      x(
        sql`insert into households (id, courtyard_id, label) select ${id(4, 'k')}, ${id(3, `k % ${COURTYARDS}`)}, k || '号' from generate_series(0, ${HOUSEHOLDS - 1}) k`,
      ),
    ),
  );
  await step('people (indexes rebuilt after)', () =>
    bulk(g, 'people', false, () =>
      x(
        sql`insert into people (id, name, household_id) select ${id(5, 'k')}, '村民' || k, ${id(4, `k % ${HOUSEHOLDS}`)} from generate_series(0, ${PEOPLE - 1}) k`,
      ),
    ),
  );
  // every person is a 村民 of their courtyard; persons v, v+V, v+2V live in village v (v+jV < C)
  // and hold its 保洁员, 村干部 and 保洁员 grants: the person boards leave them off
  await step('role assignments (villager each, 3 staff a village)', () =>
    bulk(g, 'role_assignments', false, async () => {
      await x(
        sql.raw(`insert into role_assignments (person_id, role, scope_type, township_id, village_id, courtyard_id)
        select ('00000005-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid, 'villager', 'courtyard',
               ('00000001-0000-4000-8000-' || lpad(to_hex((((p % ${HOUSEHOLDS}) % ${COURTYARDS}) % ${VILLAGES}) % ${TOWNSHIPS}), 12, '0'))::uuid,
               ('00000002-0000-4000-8000-' || lpad(to_hex(((p % ${HOUSEHOLDS}) % ${COURTYARDS}) % ${VILLAGES}), 12, '0'))::uuid,
               ('00000003-0000-4000-8000-' || lpad(to_hex((p % ${HOUSEHOLDS}) % ${COURTYARDS}), 12, '0'))::uuid
          from generate_series(0, ${PEOPLE - 1}) p`),
      );
      await x(
        sql.raw(`insert into role_assignments (person_id, role, scope_type, township_id, village_id)
        select ('00000005-0000-4000-8000-' || lpad(to_hex(v + ${VILLAGES} * j), 12, '0'))::uuid,
               (array['cleaner', 'village_cadre', 'cleaner'])[j + 1], 'village',
               ('00000001-0000-4000-8000-' || lpad(to_hex(v % ${TOWNSHIPS}), 12, '0'))::uuid,
               ('00000002-0000-4000-8000-' || lpad(to_hex(v), 12, '0'))::uuid
          from generate_series(0, ${VILLAGES - 1}) v, generate_series(0, 2) j`),
      );
    }),
  );
  // entry i belongs to person p = hash(i) % PEOPLE; household p % H, courtyard (p % H) % C, village …
  // Each person gets the entries i ≡ i0 (mod PEOPLE); amount and month are hashed from i, not i % 10
  // and i % 12 (constant per person then: ten distinct totals on a board and each person in one month)
  await step('ledger entries (indexes rebuilt after)', () =>
    bulk(g, 'points_ledger', false, () =>
      x(
        sql.raw(`
    insert into points_ledger (id, person_id, household_id, courtyard_id, village_id, township_id, amount, reason_code, source_kind, source_id,
                               counts_for_board, month, idempotency_key, created_at)
    select ('00000006-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
           ('00000005-0000-4000-8000-' || lpad(to_hex(p), 12, '0'))::uuid,
           ('00000004-0000-4000-8000-' || lpad(to_hex(p % ${HOUSEHOLDS}), 12, '0'))::uuid,
           ('00000003-0000-4000-8000-' || lpad(to_hex((p % ${HOUSEHOLDS}) % ${COURTYARDS}), 12, '0'))::uuid,
           ('00000002-0000-4000-8000-' || lpad(to_hex(((p % ${HOUSEHOLDS}) % ${COURTYARDS}) % ${VILLAGES}), 12, '0'))::uuid,
           ('00000001-0000-4000-8000-' || lpad(to_hex((((p % ${HOUSEHOLDS}) % ${COURTYARDS}) % ${VILLAGES}) % ${TOWNSHIPS}), 12, '0'))::uuid,
           1 + ((i::bigint * 1103515245 + 12345) / 65536) % 10, 'rule:volunteer', 'bench', i::text, true,
           '2026-' || lpad((1 + (i / 7) % 12)::text, 2, '0'), 'bench:' || i, timestamptz '2026-01-01' + ((i / 7) % 12) * interval '30 days'
      from (select i, (i * 2654435761) % ${PEOPLE} as p from generate_series(0, ${ENTRIES - 1}) i) s`),
      ),
    ),
  );
  // the maintained totals, derived once from the ledger in two passes (person × month first,
  // then every board from that): one GROUP BY over six copies of the ledger spilled for hours
  await step('maintained totals (once, from the ledger)', () =>
    bulk(g, 'points_totals', true, async () => {
      await x(
        sql.raw(`create temp table pm as
        select person_id, household_id, courtyard_id, village_id, township_id, month, sum(amount)::int s
          from points_ledger where counts_for_board group by person_id, household_id, courtyard_id, village_id, township_id, month`),
      );
      await x(
        sql.raw(`insert into points_totals (kind, subject_id, period, village_id, township_id, total)
              select 'person', person_id, month, village_id, township_id, s from pm
        union all select 'person', person_id, 'all', village_id, township_id, sum(s)::int from pm group by person_id, village_id, township_id
        union all select 'household', household_id, month, village_id, township_id, sum(s)::int from pm group by household_id, month, village_id, township_id
        union all select 'household', household_id, 'all', village_id, township_id, sum(s)::int from pm group by household_id, village_id, township_id
        union all select 'courtyard', courtyard_id, month, village_id, township_id, sum(s)::int from pm group by courtyard_id, month, village_id, township_id
        union all select 'courtyard', courtyard_id, 'all', village_id, township_id, sum(s)::int from pm group by courtyard_id, village_id, township_id`),
      );
      await x(sql.raw(`drop table pm`));
    }),
  );
  // vacuum as autovacuum would have by the time anyone reads: sets the visibility map, so the
  // rank counts can be index-only as they are on a long-running database
  await step('vacuum analyze', async () => {
    await x(sql.raw(`vacuum (analyze) points_totals, role_assignments, people, households, courtyards, villages`));
    await x(sql.raw(`analyze points_ledger`));
  });
  await x(sql.raw(`set session_replication_role = origin`));
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench/leaderboard needs DATABASE_URL (the PostgreSQL server)');
  const admin = await openDb({ url: process.env.DATABASE_URL, poolSize: 1 });
  const name = reuse ?? `xyj_bench_${Date.now()}`;
  if (!reuse) await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), poolSize: 4 });
  try {
    const [mms] = await timed(() => migrateDb(h));
    if (reuse) console.log(`reusing ${name} (migrations ${(mms / 1000).toFixed(1)} s)`);
    else {
      const g = await openDb({ url: url.toString(), poolSize: 1 });
      try {
        await generate(g);
      } finally {
        await g.close();
      }
    }
    const rand = seededRandom(seed);
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
    console.log(
      `\n${samples} samples per row; times in ms (app = the whole board as served; rank = the caller's total and rank alone, findStanding; naive = GROUP BY over the ledger)`,
    );
    console.log('board        period    app p50  app p95  rank p50 rank p95   naive p50  naive p95   ratio(p50)');
    for (const kind of ['person', 'household', 'courtyard'] as const) {
      for (const period of ['all', '2026-06']) {
        const app: number[] = [];
        const rank: number[] = [];
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
          // the caller's total and rank, one statement as the app asks it (findStanding)
          const [rms] = await timed(() => findStanding(h.db, { villageId }, kind, period, subject, kind === 'person' ? STAFF_ROLES : []));
          rank.push(rms);
          if (!withNaive) continue;
          const [n1] = await timed(() => naive.top(villageId, kind, period));
          const [n2] = await timed(() => naive.rank(villageId, kind, period, subject));
          slow.push(n1 + n2);
        }
        const f = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(1));
        console.log(
          `${kind.padEnd(12)} ${period.padEnd(8)} ${f(pct(app, 0.5)).padStart(8)} ${f(pct(app, 0.95)).padStart(8)} ${f(pct(rank, 0.5)).padStart(8)} ${f(pct(rank, 0.95)).padStart(8)}   ${f(pct(slow, 0.5)).padStart(9)} ${f(pct(slow, 0.95)).padStart(9)}   ${(slow.length ? f(pct(slow, 0.5) / pct(app, 0.5)) : '-').padStart(8)}×`,
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
    if (!keep && !reuse) await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
    else console.log(`kept database ${name}`);
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
