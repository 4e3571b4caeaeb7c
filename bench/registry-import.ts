/**
 * bench/registry-import: 信息采集表导入 of 5,000 households (~15,000 people) through the real API
 * path — start, chunks of rows over HTTP, preview, commit — on a fresh scratch database on the
 * PostgreSQL server (created and dropped here). Prints the total and the split (upload/check,
 * preview, commit), then the same for a re-import of those people by 人员编号 with a tenth
 * changed (the UPDATE path). Goal: a 5,000-household import ≤ 10 s.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/registry-import.ts [households=5000] [parallel=2]
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrateDb, openDb } from '../db/client';
import { courtyards } from '../db/schema';
import { createOrgTree, createPersonWithRole } from '../db/seed/factories';
import { setDb } from '../functions/_lib/db';
import { createHost } from '../functions/_lib/host';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { listVillageRegistry } from '../db/queries/registry-import';
import { tokenFor } from '../tests/helpers/api';
import { registryRow, sheetLines, stageImport, type TCaller } from '../tests/helpers/registry-import';

const HOUSEHOLDS = Number(process.argv[2] ?? 5000);
const COURTYARDS = 50;
/** chunks in flight at once (the page sends 2) */
const PARALLEL = Number(process.argv[3] ?? 2);

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL (the server) is required: the goal is on the server database');
  const name = `xyj_bench_import_${randomUUID().slice(0, 8)}`;
  const admin = await openDb({ url: base, poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = base.replace(/\/[^/]*$/, `/${name}`);
  setEnv(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ALLOW_DEV_LOGIN: '1', DATABASE_URL: url, WRITE_LIMIT_PER_MINUTE: '1000' }));
  const h = await openDb({ url, poolSize: 10 });
  const server = createHost({});
  try {
    await migrateDb(h);
    setDb(h);
    const tree = await createOrgTree(h.db, { villages: 1, courtyards: 1 });
    const villageId = tree.villages[0].id;
    await h.db.insert(courtyards).values(Array.from({ length: COURTYARDS }, (_, i) => ({ villageId, name: `院${i + 1}` })));
    const token = await tokenFor(h.db, (await createPersonWithRole(h.db, tree, 'village_cadre')).personId);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url0 = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let bytes = 0;
    const spent = new Map<string, number>(); // ms by step: start, rows, preview, commit
    const call: TCaller = async (method, path, tok, body) => {
      const t = performance.now();
      const step = /\/(rows|preview|commit)$/.exec(path)?.[1] ?? 'start';
      const text = body === undefined ? undefined : JSON.stringify(body);
      bytes += text ? Buffer.byteLength(text) : 0;
      const res = await fetch(url0 + path, {
        method,
        headers: { authorization: `Bearer ${tok}`, ...(text ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}) },
        body: text,
      });
      const out = { status: res.status, body: await res.json() };
      spent.set(step, (spent.get(step) ?? 0) + performance.now() - t);
      return out;
    };

    const rows = [];
    for (let k = 0; k < HOUSEHOLDS; k++)
      for (let m = 0; m < 3; m++)
        rows.push(
          registryRow({
            courtyard: `院${(k % COURTYARDS) + 1}`,
            household: `${k + 1}号`,
            name: `村民${k}-${m}`,
            relation: m === 0 ? '户主' : '家人',
            phone: m === 0 ? `139${String(k).padStart(8, '0')}` : null,
            elderly: m === 2,
          }),
        );

    const run = async (label: string, lines: ReturnType<typeof sheetLines>) => {
      bytes = 0;
      spent.clear();
      const t0 = performance.now();
      const staged = await stageImport(call, villageId, token, lines, 2000, PARALLEL);
      const t1 = performance.now();
      if (staged.preview.status !== 200 || staged.preview.body.issueCount) throw new Error(JSON.stringify(staged.preview.body).slice(0, 500));
      const done = await staged.commit();
      const t2 = performance.now();
      if (done.status !== 200) throw new Error(JSON.stringify(done.body));
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `${label}: ${lines.length} rows, ${(bytes / 1e6).toFixed(1)} MB in ${Math.ceil(lines.length / 2000)} chunks — total ${s(t2 - t0)} = upload/check + preview ${s(t1 - t0)} + commit ${s(t2 - t1)}; ${JSON.stringify(done.body.counts)}`,
      );
      console.log(`  by step: ${[...spent].map(([k, ms]) => `${k} ${s(ms)}`).join(', ')}`);
    };

    await run(`new: ${HOUSEHOLDS} households`, sheetLines(rows));
    const people = await listVillageRegistry(h.db, villageId);
    const again = people.map((p, i) => registryRow({ ...p, personId: p.id, needsCare: i % 10 === 0 ? !p.needsCare : p.needsCare }));
    await run('re-import by 人员编号, a tenth changed', sheetLines(again));
  } finally {
    server.close();
    await h.close();
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
