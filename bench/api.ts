/**
 * bench/api: requests per second through the real host and adapter, against a baseline run
 * in the same process (GET /api/health: adapter + one tiny query). Prints figures; asserts
 * nothing. Usage: npx tsx bench/api.ts [seconds=3] [connections=20]   (DATABASE_URL → server)
 */
import type { AddressInfo } from 'node:net';
import { migrateDb, openDb } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { createOrgTree, createPersonWithRole } from '../db/seed/factories';
import { setDb } from '../functions/_lib/db';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { createHost } from '../functions/_lib/host';
import { startSession } from '../functions/services/auth/start-session';

const seconds = Number(process.argv[2] ?? 3);
const connections = Number(process.argv[3] ?? 20);

async function load(url: string, headers: Record<string, string>): Promise<{ rps: number; p50: number; p99: number }> {
  const end = Date.now() + seconds * 1000;
  const lat: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        const r = await fetch(url, { headers });
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`${url} → ${r.status}`);
        lat.push(performance.now() - t);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { rps: lat.length / seconds, p50: lat[Math.floor(lat.length * 0.5)], p99: lat[Math.floor(lat.length * 0.99)] };
}

async function main() {
  setEnv(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL }));
  const h = await openDb(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: 'memory://' });
  await migrateDb(h);
  await seedDemo(h.db);
  setDb(h);
  const tree = await createOrgTree(h.db);
  const head = await createPersonWithRole(h.db, tree, 'courtyard_head');
  const { token } = await startSession(h.db, { id: head.personId, name: 'bench' }, { method: 'dev', now: new Date(), ttlDays: 1 });
  const server = createHost();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = { authorization: `Bearer ${token}` };
  const courtyardId = tree.villages[0].courtyards[0].id;

  await load(`${base}/api/health`, {}); // warm-up
  const baseline = await load(`${base}/api/health`, {});
  const me = await load(`${base}/api/me`, auth);
  const list = await load(`${base}/api/courtyards/${courtyardId}/join-requests?state=pending`, auth);
  const fmt = (name: string, r: typeof baseline) =>
    `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ratio ${(r.rps / baseline.rps).toFixed(2)}`;
  console.log(`database: ${h.kind}, ${connections} connections, ${seconds} s each`);
  console.log(fmt('GET /api/health (baseline)', baseline));
  console.log(fmt('GET /api/me (session + 4 queries)', me));
  console.log(fmt('GET join-requests (session+scope)', list));
  server.close();
  await h.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
