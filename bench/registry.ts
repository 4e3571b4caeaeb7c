/**
 * bench/registry: 信息采集 list and search at township scale. Makes a scratch database on the
 * PostgreSQL server, seeds ONE township with 50,000 people (10 villages, 200 courtyards,
 * 16,000 households; names, phones and the five flags generated in SQL with generate_series),
 * then sends list/search requests through the real host and adapter (session, access, the
 * use case, JSON) and prints p50/p95/p99 per query, the clock started when the request is
 * sent. Target: p95 ≤ 100 ms.
 * Usage: DATABASE_URL=postgres://…/any npx tsx bench/registry.ts [samples=200] [--keep]
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { migrateDb, openDb } from '../db/client';
import { insertRoleAssignment } from '../db/queries/roles';
import { setDb } from '../functions/_lib/db';
import { createHost } from '../functions/_lib/host';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { startSession } from '../functions/services/auth/start-session';

const samples = Number(process.argv[2] ?? 200);
const keep = process.argv.includes('--keep');
const PEOPLE = 50_000;
const VILLAGES = 10;
const COURTYARDS = 200;
const HOUSEHOLDS = 16_000;
const id = (ns: number, k: string) => sql.raw(`('${ns.toString(16).padStart(8, '0')}-0000-4000-8000-' || lpad(to_hex(${k}), 12, '0'))::uuid`);
const uid = (ns: number, k: number) => `${ns.toString(16).padStart(8, '0')}-0000-4000-8000-${k.toString(16).padStart(12, '0')}`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench/registry needs DATABASE_URL (the PostgreSQL server)');
  const admin = await openDb({ url: process.env.DATABASE_URL, poolSize: 1 });
  const name = `xyj_bench_registry_${Date.now()}`;
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  setEnv(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }));
  const h = await openDb({ url: url.toString(), poolSize: 10 });
  const server = createHost();
  try {
    await migrateDb(h);
    setDb(h);
    const x = (q: ReturnType<typeof sql>) => h.db.execute(q);
    const t0 = performance.now();
    await x(sql`insert into townships (id, name) values (${uid(1, 0)}, '桃源镇')`);
    await x(sql`insert into villages (id, township_id, name) select ${id(2, 'k')}, ${uid(1, 0)}, '村' || k from generate_series(0, ${VILLAGES - 1}) k`);
    await x(
      sql`insert into courtyards (id, village_id, name) select ${id(3, 'k')}, ${id(2, `k % ${VILLAGES}`)}, (array['东','西','南','北','前','后','桂花','梨树'])[1 + k / ${VILLAGES} % 8] || '院' || k from generate_series(0, ${COURTYARDS - 1}) k`,
    );
    await x(
      sql`insert into households (id, courtyard_id, label) select ${id(4, 'k')}, ${id(3, `k % ${COURTYARDS}`)}, (k / ${COURTYARDS} + 1) || '号' from generate_series(0, ${HOUSEHOLDS - 1}) k`,
    );
    // names from 20 surnames × 40 given names by a multiplicative hash; one in eight has no phone;
    // people added over a year, some in the same instant (an import)
    await x(
      sql.raw(`insert into people (id, name, phone, household_id, relation, elderly, lives_alone, needs_care, is_party_member, absent_for_work, created_at)
      select ('00000005-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid,
             (array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭','何','林','罗','高'])[1 + (k * 7) % 20] ||
             (array['伟','芳','娜','秀英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞',
                    '平','刚','桂英','建国','建华','玉兰','文','华','红','志强','春梅','海燕','德明','金花','永福','秀珍','国庆','淑芬','立新','凤英'])[1 + (k * 2654435761 % 4294967296) % 40],
             case when k % 8 = 7 then null else '1' || (array['3','5','8','9'])[1 + k % 4] || lpad(((k::bigint * 104729 + 7777) % 1000000000)::text, 9, '0') end,
             ('00000004-0000-4000-8000-' || lpad(to_hex(k % ${HOUSEHOLDS}), 12, '0'))::uuid,
             case when k < ${HOUSEHOLDS} then '户主' else (array['配偶','子女','父母','孙子女'])[1 + k % 4] end,
             k % 5 = 0, k % 17 = 0, k % 23 = 0, k % 13 = 0, k % 6 = 1,
             timestamptz '2026-01-01' + (k / 4) * interval '10 minutes'
        from generate_series(0, ${PEOPLE - 1}) k`),
    );
    await x(sql`analyze`);
    console.log(
      `seeded 1 township, ${VILLAGES} villages, ${COURTYARDS} courtyards, ${HOUSEHOLDS} households, ${PEOPLE} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const token = async (role: 'village_cadre' | 'township_staff') => {
      const r = (await x(sql`insert into people (name) values ('干部') returning id`)) as unknown as { rows: { id: string }[] };
      const personId = r.rows[0].id;
      await insertRoleAssignment(h.db, {
        personId,
        role,
        scopeType: role === 'village_cadre' ? 'village' : 'township',
        townshipId: uid(1, 0),
        villageId: role === 'village_cadre' ? uid(2, 0) : null,
        courtyardId: null,
      });
      return (await startSession(h.db, { id: personId, name: '干部' }, { method: 'dev', now: new Date(), ttlDays: 1 })).token;
    };
    const cadre = await token('village_cadre');
    const staff = await token('township_staff');
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const v = `/api/villages/${uid(2, 0)}/registry/people`;
    const t = `/api/townships/${uid(1, 0)}/registry/people`;
    const queries: [string, string, string][] = [
      ['village, no filter', v, cadre],
      ['township, no filter', t, staff],
      ['township, name 张 (1 char)', `${t}?q=${encodeURIComponent('张')}`, staff],
      ['township, name 王秀英', `${t}?q=${encodeURIComponent('王秀英')}`, staff],
      ['township, name 钱 (1 char, none)', `${t}?q=${encodeURIComponent('钱')}`, staff],
      ['township, name 秀珍 (2 chars)', `${t}?q=${encodeURIComponent('秀珍')}`, staff],
      ['township, name 无此人 (none)', `${t}?q=${encodeURIComponent('无此人')}`, staff],
      ['township, phone 5 digits', `${t}?q=47291`, staff],
      ['township, household 12号', `${t}?q=${encodeURIComponent('12号')}`, staff],
      ['township, 老人+独居', `${t}?elderly=true&livesAlone=true`, staff],
      ['township, 需照护+党员 (rare)', `${t}?needsCare=true&isPartyMember=true`, staff],
      ['township, 外出务工 + name 王', `${t}?absentForWork=true&q=${encodeURIComponent('王')}`, staff],
      ['township, page 20 (cursor)', '', staff],
    ];
    // a deep page: follow the cursor 19 times once, then time the 20th
    let cursor = '';
    for (let i = 0; i < 19; i++) {
      const r = (await (await fetch(`${base}${t}${cursor ? `?cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${staff}` } })).json()) as {
        nextCursor: string;
      };
      cursor = r.nextCursor;
    }
    queries[queries.length - 1][1] = `${t}?cursor=${cursor}`;

    console.log(`\n${samples} requests per query (limit 50) over HTTP through the host; ms from send to the whole body`);
    console.log('query                               rows   p50     p95     p99');
    for (const [label, path, tok] of queries) {
      const ms: number[] = [];
      let rows = 0;
      for (let s = 0; s < samples + 5; s++) {
        const start = performance.now();
        const res = await fetch(base + path, { headers: { authorization: `Bearer ${tok}` } });
        const body = (await res.json()) as { items: unknown[] };
        const took = performance.now() - start;
        if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
        rows = body.items.length;
        if (s >= 5) ms.push(took); // the first few warm the pool and the plan cache
      }
      const f = (n: number) => n.toFixed(1).padStart(7);
      console.log(`${label.padEnd(34)} ${String(rows).padStart(4)} ${f(pct(ms, 0.5))} ${f(pct(ms, 0.95))} ${f(pct(ms, 0.99))}`);
    }
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await h.close();
    if (!keep) await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
