import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { binCleaners, bins } from '../db/schema';
import { createOrgTree, createPersonWithRole } from '../db/seed/factories';
import { startSession } from '../functions/services/auth/start-session';
import { REPORT_DAILY_CAP } from '../shared/domain/bin-report';
import { makeSceneCode } from '../shared/domain/scene-code';

type TAuth = Record<string, string>;
type TScan = { url: string; init: RequestInit };

/** The bench's village: readers, a cleaner with a day's route, and enough fresh bins and people for `capacity` scans of each kind. */
export type TWorld = {
  villageId: string;
  readers: { personId: string; auth: TAuth }[];
  cleaner: { auth: TAuth; stops: number };
  /** a scan that opens a new report: a bin nobody reported yet, by someone under the daily cap */
  nextNew: () => TScan;
  /** a scan that joins an open report: each (person, bin) pair once */
  nextJoin: () => TScan;
  /** opens the cleaner's route and the reports to join (through the API at `base`) */
  open: (base: string) => Promise<void>;
};

const JOIN_BINS = 20;
const ROUTE_STOPS = 10;

async function people(db: Db, tree: Awaited<ReturnType<typeof createOrgTree>>, n: number, role: 'villager' | 'cleaner' | 'courtyard_head' = 'villager') {
  const out: { personId: string; auth: TAuth }[] = [];
  for (let i = 0; i < n; i++) {
    const { personId } = await createPersonWithRole(db, tree, role);
    const { token } = await startSession(db, { id: personId, name: 'bench' }, { method: 'dev', now: new Date(), ttlDays: 1 });
    out.push({ personId, auth: { authorization: `Bearer ${token}` } });
  }
  return out;
}

async function makeBins(db: Db, tag: string, villageId: string, courtyardId: string, cleanerId: string, n: number, spread: number): Promise<string[]> {
  const codes: string[] = [];
  for (let from = 0; from < n; from += 500) {
    const rows = Array.from({ length: Math.min(500, n - from) }, (_, k) => {
      const code = makeSceneCode(12, (m) => randomBytes(m));
      codes.push(code);
      const a = ((from + k) * 2.399) % (2 * Math.PI); // spread on a spiral, so a route has real distances
      const r = spread * Math.sqrt((from + k + 1) / Math.max(n, 1));
      return { villageId, courtyardId, label: `压测桶${tag}${from + k}`, code, lat: 29.56 + r * Math.sin(a), lng: 106.46 + r * Math.cos(a) };
    });
    const ids = await db.insert(bins).values(rows).returning({ id: bins.id });
    await db.insert(binCleaners).values(ids.map((b) => ({ binId: b.id, personId: cleanerId })));
  }
  return codes;
}

export async function makeWorld(db: Db, capacity: number): Promise<TWorld> {
  const tree = await createOrgTree(db, { villages: 1, courtyards: 1 });
  const v = tree.villages[0];
  const readers = await people(db, tree, 1, 'courtyard_head');
  const openers = await people(db, tree, Math.ceil((ROUTE_STOPS + JOIN_BINS) / REPORT_DAILY_CAP));
  const [routeCleaner, otherCleaner] = await people(db, tree, 2, 'cleaner');
  const reporters = await people(db, tree, Math.ceil(capacity / REPORT_DAILY_CAP) + 2);
  const joiners = await people(db, tree, Math.ceil(capacity / JOIN_BINS) + 2);
  const routeBins = await makeBins(db, '路线', v.id, v.courtyards[0].id, routeCleaner.personId, ROUTE_STOPS, 0.02);
  const joinBins = await makeBins(db, '同报', v.id, v.courtyards[0].id, otherCleaner.personId, JOIN_BINS, 0.02);
  const newBins = await makeBins(db, '新报', v.id, v.courtyards[0].id, otherCleaner.personId, capacity + 2 * REPORT_DAILY_CAP, 0.05);
  let base = '';
  let n = 0;
  let j = 0;
  const scan = (code: string, auth: TAuth): TScan => ({
    url: `${base}/api/bins/${code}/report`,
    init: { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'full' }) },
  });
  return {
    villageId: v.id,
    readers,
    cleaner: { auth: routeCleaner.auth, stops: ROUTE_STOPS },
    nextNew: () => {
      const i = n++;
      if (i >= newBins.length) throw new Error('bench world: out of fresh bins (raise capacity)');
      return scan(newBins[i], reporters[Math.floor(i / REPORT_DAILY_CAP)].auth);
    },
    nextJoin: () => {
      const i = j++;
      const who = joiners[Math.floor(i / JOIN_BINS)];
      if (!who) throw new Error('bench world: out of joiners (raise capacity)');
      return scan(joinBins[i % JOIN_BINS], who.auth);
    },
    open: async (at) => {
      base = at;
      for (const [k, code] of [...routeBins, ...joinBins].entries()) {
        const s = scan(code, openers[Math.floor(k / REPORT_DAILY_CAP)].auth);
        const r = await fetch(s.url, s.init);
        if (r.status !== 201) throw new Error(`bench world: opening a report → ${r.status} ${await r.text()}`);
      }
    },
  };
}
