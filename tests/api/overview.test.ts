import { sql } from 'drizzle-orm';
import { households } from '../../db/schema';
import { createBin, createOrgTree, createPersonWithRole, createReward, type TOrgTree } from '../../db/seed/factories';
import type { TRole } from '../../shared/contracts/common';
import type { TOverview } from '../../shared/contracts/overview';
import { useTestDb } from '../helpers/db';
import { startSession } from '../../functions/services/auth/start-session';
import { useApi } from '../helpers/api';
import { grantPoints } from '../helpers/points';

/**
 * 数据概览 over HTTP: known bin reports and cleans, 找院长 opened / resolved / rated / overdue
 * and points earned and redeemed, moved through time with the test clock; every figure is
 * checked against numbers this file computes itself from the rows (never the same query).
 */
const db = useTestDb({ TEST_CLOCK: '1' });
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;
const t = {} as Record<string, string>;
const ids = {} as Record<string, string>;
let binA: { id: string; code: string };
let binB: { id: string; code: string };

const chinaDay = (at: Date | string) => new Date(new Date(at).getTime() + 8 * 3600e3).toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;
/** percentile_cont, by hand: linear between the two nearest ranks */
function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const rows = async <T>(q: ReturnType<typeof sql>) => ((await d().execute(q)) as unknown as { rows: T[] }).rows;
const advance = async (minutes: number) => (await api.call('POST', '/api/test/clock', { body: { minutes } })).body.now as string;
const post = async (token: string, path: string, body: unknown = {}) => {
  const r = await api.call('POST', path, { token, body });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  const make = async (k: string, role: TRole, at: { village?: number; courtyard?: number } = {}) => {
    ids[k] = (await createPersonWithRole(d(), tree, role, at, k)).personId;
    // sessions outlive the days the test clock moves on
    t[k] = (await startSession(d(), { id: ids[k], name: k }, { method: 'dev', now: new Date(), ttlDays: 30 })).token;
  };
  await make('v1', 'villager');
  await make('v1b', 'villager');
  await make('v2', 'villager', { courtyard: 1 });
  await make('head0', 'courtyard_head');
  await make('head1', 'courtyard_head', { courtyard: 1 });
  await make('cadre', 'village_cadre');
  await make('otherCadre', 'village_cadre', { village: 1 });
  await make('staff', 'township_staff');
  await make('cleaner', 'cleaner');
  // a second household in courtyard 0 that takes no part
  await d().insert(households).values({ courtyardId: tree.villages[0].courtyards[0].id, label: '2号' });
  binA = await createBin(d(), tree, [ids.cleaner]);
  binB = await createBin(d(), tree, [ids.cleaner]);
  await api.call('PUT', `/api/villages/${tree.villages[0].id}/request-settings`, {
    token: t.cadre,
    body: { acceptHours: 24, resolveHours: 2, reopenDays: 7, sosAckMinutes: 5 },
  });

  const report = async (who: string, bin: { code: string }) => (await post(t[who], `/api/bins/${bin.code}/report`, { kind: 'full' })).report.id as string;
  const clean = (id: string, bin: { code: string }) => post(t.cleaner, `/api/bin-reports/${id}/clean`, { code: bin.code });
  const ask = async (who: string, text: string) => (await post(t[who], '/api/requests', { category: 'other', text })).id as string;

  // day 1: three reports cleaned after 30, 90 and 10 minutes; requests made and handled
  const a1 = await report('v1', binA);
  const b1 = await report('v2', binB);
  const r1 = await ask('v1', '路灯坏了请修一下');
  const r2 = await ask('v2', '水管漏水请看一下');
  const r3 = await ask('v1', '垃圾没人收请处理');
  await post(t.head0, `/api/requests/${r1}/accept`);
  await post(t.head1, `/api/requests/${r2}/accept`);
  await post(t.head0, `/api/requests/${r3}/accept`);
  await advance(10);
  await post(t.head0, `/api/requests/${r1}/resolve`, { note: '已修好' });
  await post(t.v1, `/api/requests/${r1}/confirm`, { rating: 5 });
  await advance(20);
  await clean(a1, binA);
  await post(t.head1, `/api/requests/${r2}/resolve`, { note: '已修好' });
  await post(t.v2, `/api/requests/${r2}/confirm`, { rating: 2 });
  const a2 = await report('v1b', binA);
  await advance(10);
  await clean(a2, binA);
  await advance(60);
  await clean(b1, binB);
  // r3 passes its 2-hour resolve deadline: flagged overdue
  await advance(121);
  // redeem twice (the second cancelled: refunded) once the reporters earned their points
  await grantPoints(d(), ids.v2, 30, new Date(await advance(1)));
  const reward = await createReward(d(), { villageId: tree.villages[0].id, name: '肥皂', price: 7, stock: 10, createdBy: ids.cadre });
  await post(t.v2, `/api/rewards/${reward.id}/redeem`);
  const second = (await post(t.v2, `/api/rewards/${reward.id}/redeem`)).id as string;
  // day 2: a report still open, another request, the cancel of the second redemption
  await advance(24 * 60);
  await report('v2', binB);
  // accepted with its deadline still ahead: not overdue
  await post(t.head1, `/api/requests/${await ask('v2', '门口的路坑坑洼洼')}/accept`);
  await post(t.v2, `/api/redemptions/${second}/cancel`);
  await grantPoints(d(), ids.v1, 12, new Date(await advance(1)));
});

const overview = (token: string, path = `/api/villages/${tree.villages[0].id}/overview`) => api.call('GET', `${path}?days=7`, { token });

describe('数据概览 of a village', () => {
  let o: TOverview;
  beforeAll(async () => {
    const r = await overview(t.cadre);
    expect(r.status).toBe(200);
    o = r.body;
  });

  it('covers the days asked, oldest first, ending today (China time)', async () => {
    const now = await advance(1);
    expect(o.daily).toHaveLength(7);
    expect(o.to).toBe(chinaDay(now));
    expect(o.daily.map((x) => x.day)).toEqual([...o.daily.map((x) => x.day)].sort());
    expect(new Set(o.daily.map((x) => x.day)).size).toBe(7);
  });

  it('counts bin reports per day and the median and 90th percentile minutes to clean', async () => {
    const reports = await rows<{ opened_at: string; closed_at: string | null; state: string }>(
      sql`select opened_at::text, closed_at::text, state from bin_reports where village_id = ${tree.villages[0].id}`,
    );
    expect(reports).toHaveLength(4);
    for (const x of o.daily) {
      expect(x.binReports).toBe(reports.filter((r) => chinaDay(r.opened_at) === x.day).length);
      const mins = reports
        .filter((r) => r.state === 'cleaned' && chinaDay(r.closed_at!) === x.day)
        .map((r) => (new Date(r.closed_at!).getTime() - new Date(r.opened_at).getTime()) / 60e3);
      expect(x.binsCleaned).toBe(mins.length);
      const m = percentile(mins, 0.5);
      const p = percentile(mins, 0.9);
      expect(x.medianMinutesToClean).toBe(m === null ? null : round1(m));
      expect(x.p90MinutesToClean).toBe(p === null ? null : round1(p));
    }
    const all = reports.filter((r) => r.state === 'cleaned').map((r) => (new Date(r.closed_at!).getTime() - new Date(r.opened_at).getTime()) / 60e3);
    // the clock moved 10, 30 and 100 minutes (plus the real milliseconds the calls took)
    expect(all.map(Math.round).sort((a, b) => a - b)).toEqual([10, 30, 100]);
    expect(o.headline.binReports).toBe(4);
    expect(o.headline.binsCleaned).toBe(3);
  });

  it('counts 找院长 opened, 办结 and flagged overdue per day', async () => {
    const reqs = await rows<{ created_at: string; resolved_at: string | null; overdue_at: string | null; state: string }>(
      sql`select created_at::text, resolved_at::text, overdue_at::text, state from requests where village_id = ${tree.villages[0].id}`,
    );
    expect(reqs).toHaveLength(4);
    for (const x of o.daily) {
      expect(x.requestsOpened).toBe(reqs.filter((r) => chinaDay(r.created_at) === x.day).length);
      expect(x.requestsClosed).toBe(reqs.filter((r) => ['resolved', 'closed'].includes(r.state) && r.resolved_at && chinaDay(r.resolved_at) === x.day).length);
      expect(x.requestsOverdue).toBe(reqs.filter((r) => r.overdue_at && chinaDay(r.overdue_at) === x.day).length);
    }
    expect(o.headline).toMatchObject({ requestsOpened: 4, requestsClosed: 2, requestsOpenNow: 2 });
    expect(o.daily.reduce((a, x) => a + x.requestsOverdue, 0)).toBe(1);
  });

  it('gives each courtyard its resolution rate, satisfaction and households taking part this month', async () => {
    const [c0, c1] = tree.villages[0].courtyards;
    expect(o.groups.map((g) => g.id)).toEqual([c0.id, c1.id]);
    // courtyard 0: r1 closed (5), r3 overdue; courtyard 1: r2 closed (2), one accepted in time
    expect(o.groups[0]).toMatchObject({ requests: 2, resolved: 1, resolutionRate: 0.5, satisfaction: 5, ratings: 1, households: 2 });
    expect(o.groups[1]).toMatchObject({ requests: 2, resolved: 1, resolutionRate: 0.5, satisfaction: 2, ratings: 1, households: 1 });
    expect(o.headline).toMatchObject({ resolutionRate: 0.5, satisfaction: 3.5, households: 3 });
    const earned = await rows<{ household_id: string; courtyard_id: string }>(
      sql`select distinct household_id, courtyard_id from points_ledger
           where village_id = ${tree.villages[0].id} and month = ${o.month} and counts_for_board and amount > 0 and household_id is not null`,
    );
    expect(o.groups[0].householdsTakingPart).toBe(earned.filter((e) => e.courtyard_id === c0.id).length);
    expect(o.groups[1].householdsTakingPart).toBe(earned.filter((e) => e.courtyard_id === c1.id).length);
    expect(o.groups.map((g) => g.householdsTakingPart)).toEqual([1, 1]);
  });

  it('counts points issued and redeemed per day (redemptions net of refunds)', async () => {
    const ledger = await rows<{ amount: number; source_kind: string; created_at: string }>(
      sql`select amount, source_kind, created_at::text from points_ledger where village_id = ${tree.villages[0].id}`,
    );
    for (const x of o.daily) {
      const today = ledger.filter((l) => chinaDay(l.created_at) === x.day);
      expect(x.pointsIssued).toBe(today.filter((l) => l.amount > 0 && l.source_kind !== 'redemption').reduce((a, l) => a + l.amount, 0));
      expect(x.pointsRedeemed).toBe(0 - today.filter((l) => l.source_kind === 'redemption').reduce((a, l) => a + l.amount, 0));
    }
    // two redemptions of 7, one cancelled the next day
    expect(o.headline.pointsRedeemed).toBe(7);
    expect(o.daily.map((x) => x.pointsRedeemed).filter((n) => n !== 0)).toEqual([14, -7]);
    expect(o.headline.pointsIssued).toBeGreaterThanOrEqual(42);
  });
});

describe('数据概览 scope', () => {
  it('refuses another village’s cadre and a villager; the township staff see it', async () => {
    // out of scope reads as not found (as every other village-scoped read)
    const other = await overview(t.otherCadre);
    expect([other.status, other.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect((await overview(t.v1)).status).toBe(403);
    expect((await overview(t.head0)).status).toBe(403);
    expect((await overview(t.staff)).status).toBe(200);
    expect((await overview(t.cadre, `/api/townships/${tree.townshipId}/overview`)).status).toBe(403);
  });

  it('gives the township the same figures, per village', async () => {
    const v = (await overview(t.cadre)).body as TOverview;
    const r = await overview(t.staff, `/api/townships/${tree.townshipId}/overview`);
    expect(r.status).toBe(200);
    const o = r.body as TOverview;
    expect(o.groups.map((g) => g.id)).toEqual(tree.villages.map((x) => x.id));
    expect(o.groups[0]).toMatchObject({ requests: 4, resolved: 2, resolutionRate: 0.5, satisfaction: 3.5, households: 3, householdsTakingPart: 2 });
    expect(o.groups[1]).toMatchObject({ requests: 0, resolved: 0, households: 2, householdsTakingPart: 0 });
    // nothing happened in the other village: the daily series equal the village's
    expect(o.daily).toEqual(v.daily);
  });
});

describe('数据概览 of a courtyard (院长)', () => {
  const of = (token: string, courtyard: number) => overview(token, `/api/courtyards/${tree.villages[0].courtyards[courtyard].id}/overview`);

  it('gives each head their courtyard alone: its bins, requests, points and households', async () => {
    const [c0, c1] = tree.villages[0].courtyards;
    const a = (await of(t.head0, 0)).body as TOverview;
    const b = (await of(t.head1, 1)).body as TOverview;
    expect([a.groups.map((g) => g.id), b.groups.map((g) => g.id)]).toEqual([[c0.id], [c1.id]]);
    // both bins stand in courtyard 0; r1 and r3 were asked there, r2 and the last one in courtyard 1
    expect(a.headline).toMatchObject({
      binReports: 4,
      binsCleaned: 3,
      requestsOpened: 2,
      requestsClosed: 1,
      resolutionRate: 0.5,
      satisfaction: 5,
      households: 2,
    });
    expect(b.headline).toMatchObject({
      binReports: 0,
      binsCleaned: 0,
      requestsOpened: 2,
      requestsClosed: 1,
      resolutionRate: 0.5,
      satisfaction: 2,
      households: 1,
    });
    expect(b.groups[0]).toMatchObject({ requests: 2, resolved: 1, satisfaction: 2, ratings: 1, households: 1, householdsTakingPart: 1 });
    const ledger = await rows<{ amount: number; source_kind: string; created_at: string }>(
      sql`select amount, source_kind, created_at::text from points_ledger where courtyard_id = ${c1.id}`,
    );
    for (const x of b.daily) {
      const today = ledger.filter((l) => chinaDay(l.created_at) === x.day);
      expect(x.pointsIssued).toBe(today.filter((l) => l.amount > 0 && l.source_kind !== 'redemption').reduce((s, l) => s + l.amount, 0));
      expect(x.pointsRedeemed).toBe(0 - today.filter((l) => l.source_kind === 'redemption').reduce((s, l) => s + l.amount, 0));
    }
  });

  it('adds up to the village: every daily figure of the two courtyards sums to the village’s', async () => {
    const v = (await overview(t.cadre)).body as TOverview;
    const parts = [(await of(t.cadre, 0)).body as TOverview, (await of(t.cadre, 1)).body as TOverview];
    const summed = v.daily.map((d, i) => ({
      day: d.day,
      binReports: parts[0].daily[i].binReports + parts[1].daily[i].binReports,
      binsCleaned: parts[0].daily[i].binsCleaned + parts[1].daily[i].binsCleaned,
      requestsOpened: parts[0].daily[i].requestsOpened + parts[1].daily[i].requestsOpened,
      requestsClosed: parts[0].daily[i].requestsClosed + parts[1].daily[i].requestsClosed,
      requestsOverdue: parts[0].daily[i].requestsOverdue + parts[1].daily[i].requestsOverdue,
      pointsIssued: parts[0].daily[i].pointsIssued + parts[1].daily[i].pointsIssued,
      pointsRedeemed: parts[0].daily[i].pointsRedeemed + parts[1].daily[i].pointsRedeemed,
    }));
    expect(summed).toEqual(
      v.daily.map(({ day, binReports, binsCleaned, requestsOpened, requestsClosed, requestsOverdue, pointsIssued, pointsRedeemed }) => ({
        day,
        binReports,
        binsCleaned,
        requestsOpened,
        requestsClosed,
        requestsOverdue,
        pointsIssued,
        pointsRedeemed,
      })),
    );
    expect(v.groups).toEqual([...parts[0].groups, ...parts[1].groups]);
  });

  it('refuses the other courtyard’s head and villagers; the village’s cadre and the township see it', async () => {
    const other = await of(t.head0, 1);
    expect([other.status, other.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect((await of(t.v1, 0)).status).toBe(403);
    expect((await of(t.otherCadre, 0)).status).toBe(404);
    expect((await of(t.cadre, 1)).status).toBe(200);
    expect((await of(t.staff, 1)).status).toBe(200);
  });
});
