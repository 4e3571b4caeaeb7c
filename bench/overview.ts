/**
 * bench/overview: 数据概览 at district scale. Builds a scratch database on the PostgreSQL server
 * (default 20 villages of 20 courtyards, 2M ledger entries and 50k 找院长 requests over the last
 * 90 days, generated in SQL), then prints p50/p95 of the village and the township overview as
 * the API answers them (30 days). Bin reports are left out: their query reads the
 * (village_id, opened_at) index as 爱环境统计 does.
 * Usage: DATABASE_URL=postgres://…/any npx tsx bench/overview.ts [scale=1] [samples=20]
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrateDb, openDb } from '../db/client';
import { townshipOverview, villageOverview } from '../functions/services/overview/get-overview';
import type { TServiceContext } from '../functions/services/context';
import { parseEnv } from '../functions/runtime/env';

const scale = Number(process.argv[2] ?? 1);
const samples = Number(process.argv[3] ?? 20);
const ENTRIES = Math.round(2_000_000 * scale);
const REQUESTS = Math.round(50_000 * scale);
const V = 20;
const C = 400;
const H = 8000;
const P = 20000;
const id = (ns: number, k: string) => sql.raw(`('${ns.toString(16).padStart(8, '0')}-0000-4000-8000-' || lpad(to_hex(${k}), 12, '0'))::uuid`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench/overview needs DATABASE_URL (the PostgreSQL server)');
  const admin = await openDb({ url: process.env.DATABASE_URL, poolSize: 1 });
  const name = `xyj_bench_overview_${Date.now()}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString(), poolSize: 2 });
  try {
    await migrateDb(h);
    const x = (q: ReturnType<typeof sql>) => h.db.execute(q);
    const t0 = performance.now();
    await x(sql`insert into townships (id, name) values (${id(1, '0')}, '镇')`);
    await x(sql`insert into villages (id, township_id, name) select ${id(2, 'k')}, ${id(1, '0')}, '村' || k from generate_series(0, ${V - 1}) k`);
    await x(sql`insert into courtyards (id, village_id, name) select ${id(3, 'k')}, ${id(2, `k % ${V}`)}, '院' || k from generate_series(0, ${C - 1}) k`);
    await x(sql`insert into households (id, courtyard_id, label) select ${id(4, 'k')}, ${id(3, `k % ${C}`)}, k::text from generate_series(0, ${H - 1}) k`);
    await x(sql`insert into people (id, name, household_id) select ${id(5, 'k')}, '村民' || k, ${id(4, `k % ${H}`)} from generate_series(0, ${P - 1}) k`);
    // entry i: person i % P (household p % H, courtyard (p % H) % C, village … % V), spread over 90 days; every 10th a redemption
    await x(sql`
      insert into points_ledger (person_id, household_id, courtyard_id, village_id, township_id, amount, reason_code, source_kind, source_id,
                                 counts_for_board, month, idempotency_key, created_at)
      select ${id(5, `i % ${P}`)}, ${id(4, `(i % ${P}) % ${H}`)}, ${id(3, `((i % ${P}) % ${H}) % ${C}`)}, ${id(2, `(((i % ${P}) % ${H}) % ${C}) % ${V}`)}, ${id(1, '0')},
             case when i % 10 = 0 then -5 else 1 + i % 5 end, 'rule:volunteer', case when i % 10 = 0 then 'redemption' else 'bench' end, i::text,
             i % 10 <> 0, to_char((now() - (i % 90) * interval '1 day') at time zone 'Asia/Shanghai', 'YYYY-MM'), 'bench:' || i, now() - (i % 90) * interval '1 day'
        from generate_series(0, ${ENTRIES - 1}) i`);
    await x(sql`
      insert into requests (requester_id, household_id, courtyard_id, village_id, township_id, ticket_year, ticket_seq, category, text, state, level,
                            created_at, resolved_at, overdue_at, rating, updated_at)
      select ${id(5, `i % ${P}`)}, ${id(4, `(i % ${P}) % ${H}`)}, ${id(3, `((i % ${P}) % ${H}) % ${C}`)}, ${id(2, `(((i % ${P}) % ${H}) % ${C}) % ${V}`)}, ${id(1, '0')},
             2026, i + 1, 'other', '事项' || i, case when i % 3 = 0 then 'accepted' else 'closed' end, 'courtyard',
             now() - (i % 90) * interval '1 day', case when i % 3 = 0 then null else now() - (i % 90) * interval '1 day' + interval '3 hours' end,
             case when i % 7 = 0 then now() - (i % 90) * interval '1 day' + interval '30 hours' end,
             case when i % 3 = 1 then 1 + i % 5 end, now()
        from generate_series(0, ${REQUESTS - 1}) i`);
    await x(sql`analyze`);
    console.log(`generated ${ENTRIES} ledger entries, ${REQUESTS} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ctx = {
      db: h.db,
      dbKind: 'postgres',
      now: () => new Date(),
      actor: null,
      requestId: randomUUID(),
      env: parseEnv({ NODE_ENV: 'test' }),
    } as TServiceContext;
    const run = async (label: string, f: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        await f();
        ms.push(performance.now() - t);
      }
      console.log(`${label.padEnd(28)} p50 ${pct(ms, 0.5).toFixed(1)} ms  p95 ${pct(ms, 0.95).toFixed(1)} ms`);
    };
    await run('village overview (30 days)', () => villageOverview(ctx, `00000002-0000-4000-8000-${(samples % V).toString(16).padStart(12, '0')}`, 30));
    await run('township overview (30 days)', () => townshipOverview(ctx, '00000001-0000-4000-8000-000000000000', 30));
  } finally {
    await h.close();
    await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
    await admin.close();
  }
}

void main();
