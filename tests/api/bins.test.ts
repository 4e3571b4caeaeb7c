import { sql } from 'drizzle-orm';
import { upsertRule } from '../../db/queries/points-rules';
import { getBalance } from '../../db/queries/points-ledger';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { listInbox } from '../../db/queries/inbox';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { TestClock, workCtx } from '../helpers/work';

const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;
let cleanerA: string;
let cleanerB: string;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
  const cadre = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
  for (const [k, p] of [
    ['bin_report_first', 5],
    ['bin_report_join', 2],
  ] as const) {
    await upsertRule(d(), { villageId: tree.villages[0].id, eventKind: k, points: p, dailyCap: null, updatedBy: cadre, updatedAt: new Date() });
  }
  cleanerA = (await createPersonWithRole(d(), tree, 'cleaner')).personId;
  cleanerB = (await createPersonWithRole(d(), tree, 'cleaner')).personId;
  tokenA = await tokenFor(d(), cleanerA);
  tokenB = await tokenFor(d(), cleanerB);
});

const villager = async () => {
  const id = (await createPersonWithRole(d(), tree, 'villager')).personId;
  return { id, token: await tokenFor(d(), id) };
};
const tasksFor = async (personId: string) => {
  const r = await d().execute(sql`select count(*)::int as n from notifications where recipient_id = ${personId} and template = 'bin_task'`);
  return (r as unknown as { rows: { n: number }[] }).rows[0].n;
};

describe('reporting a full bin (一键报满)', () => {
  it('opens a report on the first scan (201), joins it on the next (200), and tells the cleaner once', async () => {
    const bin = await createBin(d(), tree, [cleanerA]);
    const before = await tasksFor(cleanerA);
    const a = await villager();
    const b = await villager();
    const view = await api.call('GET', `/api/bins/${bin.code.toLowerCase()}`, { token: a.token });
    expect(view.body).toMatchObject({ openReport: null, reportedByMe: false, bin: { label: expect.stringContaining('测试桶') } });
    const first = await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: { kind: 'overflow' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ joined: false, report: { state: 'open', kind: 'overflow', reporters: 1 } });
    const second = await api.call('POST', `/api/bins/b=${bin.code}/report`, { token: b.token, body: {} });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ joined: true, report: { id: first.body.report.id, reporters: 2 } });
    expect(await tasksFor(cleanerA)).toBe(before + 1);
    const seen = await api.call('GET', `/api/bins/${bin.code}`, { token: b.token });
    expect(seen.body).toMatchObject({ reportedByMe: true, openReport: { reporters: 2 } });
  });

  it('refuses the same person on the same bin within the window, and after the daily cap', async () => {
    const bin = await createBin(d(), tree, [cleanerA]);
    const a = await villager();
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: {} });
    const again = await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: {} });
    expect(again.status).toBe(429);
    expect(again.body.error).toMatchObject({ code: 'REPORT_TOO_SOON', message: expect.stringMatching(/刚刚报告过/) });
    const busy = await villager();
    for (let i = 0; i < 20; i++) {
      const b = await createBin(d(), tree, []);
      expect((await api.call('POST', `/api/bins/${b.code}/report`, { token: busy.token, body: {} })).status).toBe(201);
    }
    const over = await api.call('POST', `/api/bins/${(await createBin(d(), tree, [])).code}/report`, { token: busy.token, body: {} });
    expect(over.body.error.code).toBe('REPORT_DAILY_LIMIT');
  });

  it('tells a reporter when they reported and when they may report again, by the same window the 429 uses', async () => {
    const bin = await createBin(d(), tree, [cleanerA]);
    const a = await villager();
    const fresh = await api.call('GET', `/api/bins/${bin.code}`, { token: a.token });
    expect(fresh.body).toMatchObject({ myLastReportAt: null, myNextReportAt: null });
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: {} });
    const back = async (minutesAgo: number) => {
      const at = new Date(Date.now() - minutesAgo * 60e3);
      await d().execute(sql`update bin_report_reporters set created_at = ${at.toISOString()} where person_id = ${a.id} and bin_id = ${bin.id}`);
      return at;
    };
    const at = await back(29);
    const seen = await api.call('GET', `/api/bins/${bin.code}`, { token: a.token });
    expect(seen.body).toMatchObject({ reportedByMe: true, myLastReportAt: at.toISOString(), myNextReportAt: new Date(at.getTime() + 30 * 60e3).toISOString() });
    expect((await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: {} })).status).toBe(429);
    await back(31);
    const later = await api.call('GET', `/api/bins/${bin.code}`, { token: a.token });
    expect(later.body).toMatchObject({ reportedByMe: true, myNextReportAt: null });
    expect((await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: {} })).status).toBe(200);
  });

  it('answers unknown, malformed and disabled codes with one clear message', async () => {
    const a = await villager();
    const bin = await createBin(d(), tree, []);
    await d().execute(sql`update bins set state = 'disabled' where id = ${bin.id}`);
    for (const code of ['ZZZZZZZZZZZZ', 'abc', '%E4%BD%A0', bin.code, 'x'.repeat(64)]) {
      const r = await api.call('POST', `/api/bins/${encodeURIComponent(code)}/report`, { token: a.token, body: {} });
      expect({ code, status: r.status, err: r.body.error?.code }).toEqual({ code, status: 404, err: 'BIN_NOT_FOUND' });
    }
  });
});

describe('cleaning (保洁员)', () => {
  it("lists only the cleaner's own open bins, in route order from the given position", async () => {
    const far = await createBin(d(), tree, [cleanerA], { lat: 29.6, lng: 106.5 });
    const near = await createBin(d(), tree, [cleanerA], { lat: 29.5605, lng: 106.4605 });
    const mid = await createBin(d(), tree, [cleanerA], { lat: 29.57, lng: 106.47 });
    const others = await createBin(d(), tree, [cleanerB]);
    for (const b of [far, near, mid, others]) await api.call('POST', `/api/bins/${b.code}/report`, { token: (await villager()).token, body: {} });
    const unseen = async (personId: string) =>
      (
        (await d().execute(
          sql`select count(*)::int as n from notifications where recipient_id = ${personId} and template = 'bin_task' and acknowledged_at is null`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0].n;
    expect(await unseen(cleanerA)).toBeGreaterThanOrEqual(3);
    const tasks = await api.call('GET', '/api/cleaner/tasks?lat=29.56&lng=106.46', { token: tokenA });
    // the tasks are in front of them: no SMS for these (the later step is skipped once acknowledged)
    expect(await unseen(cleanerA)).toBe(0);
    expect(await unseen(cleanerB)).toBeGreaterThanOrEqual(1);
    const ids = tasks.body.stops.map((s: { bin: { id: string } }) => s.bin.id);
    expect(ids.indexOf(near.id)).toBeLessThan(ids.indexOf(mid.id));
    expect(ids.indexOf(mid.id)).toBeLessThan(ids.indexOf(far.id));
    expect(ids).not.toContain(others.id);
    expect(tasks.body.start.from).toBe('device');
    expect(tasks.body.totalMeters).toBeGreaterThan(0);
    const bTasks = await api.call('GET', '/api/cleaner/tasks', { token: tokenB });
    expect(bTasks.body.start.from).not.toBe('device'); // no position: the village depot, else the first bin
    expect(bTasks.body.stops.map((s: { bin: { id: string } }) => s.bin.id)).toContain(others.id);
    expect(bTasks.body.stops.map((s: { bin: { id: string } }) => s.bin.id)).not.toContain(near.id);
  });

  it('confirms on site by scanning the bin, awarding first and later reporters once and telling them', async () => {
    const bin = await createBin(d(), tree, [cleanerA]);
    const other = await createBin(d(), tree, [cleanerA]);
    const a = await villager();
    const b = await villager();
    const r = await api.call('POST', `/api/bins/${bin.code}/report`, { token: a.token, body: {} });
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: b.token, body: {} });
    const wrong = await api.call('POST', `/api/bin-reports/${r.body.report.id}/clean`, { token: tokenA, body: { code: other.code } });
    expect(wrong.body.error.code).toBe('WRONG_BIN');
    const notMine = await api.call('POST', `/api/bin-reports/${r.body.report.id}/clean`, { token: tokenB, body: { code: bin.code } });
    expect(notMine.status).toBe(404);
    // a villager cannot see bin reports at all, so learns nothing of this one (issue 12: 403 only to who may see it)
    const villagerTry = await api.call('POST', `/api/bin-reports/${r.body.report.id}/clean`, { token: a.token, body: { code: bin.code } });
    expect(villagerTry.status).toBe(404);
    const ok = await api.call('POST', `/api/bin-reports/${r.body.report.id}/clean`, { token: tokenA, body: { code: `b=${bin.code}` } });
    expect(ok.body.state).toBe('cleaned');
    expect((await api.call('POST', `/api/bin-reports/${r.body.report.id}/clean`, { token: tokenA, body: { code: bin.code } })).body.error.code).toBe(
      'REPORT_NOT_OPEN',
    );
    expect([await getBalance(d(), a.id), await getBalance(d(), b.id)]).toEqual([5, 2]);
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    expect((await listInbox(d(), a.id, 5))[0]).toMatchObject({ template: 'bin_cleaned', body: expect.stringContaining('获得5积分') });
    const next = await api.call('POST', `/api/bins/${bin.code}/report`, { token: (await villager()).token, body: {} });
    expect(next.status).toBe(201); // a cleaned bin can be reported again
  });

  it('awards nothing for a false report and flags a person after three', async () => {
    const cadreId = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
    const liar = await villager();
    for (let i = 0; i < 3; i++) {
      const bin = await createBin(d(), tree, [cleanerA]);
      const r = await api.call('POST', `/api/bins/${bin.code}/report`, { token: liar.token, body: {} });
      const f = await api.call('POST', `/api/bin-reports/${r.body.report.id}/false`, { token: tokenA, body: { code: bin.code } });
      expect(f.body.state).toBe('false');
    }
    expect(await getBalance(d(), liar.id)).toBe(0);
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    expect((await listInbox(d(), cadreId, 5)).map((m) => m.template)).toContain('false_reports');
  });

  it('flags a report left open for four hours to the village cadre', async () => {
    const cadreId = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
    const bin = await createBin(d(), tree, [cleanerA]);
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: (await villager()).token, body: {} });
    const clock = new TestClock(Date.now() + 4 * 3600e3 + 60e3);
    await runDueWork(workCtx(d(), clock));
    expect((await listInbox(d(), cadreId, 5)).map((m) => m.template)).toContain('bin_overdue');
  });
});

describe('QR codes for stickers', () => {
  it("lists a village's bins with the scene and H5 URL their stickers carry", async () => {
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    const bin = await createBin(d(), tree, [cleanerA]);
    const r = await api.call('GET', `/api/villages/${tree.villages[0].id}/bins`, { token: cadre });
    const item = r.body.items.find((b: { id: string }) => b.id === bin.id);
    expect(item).toMatchObject({ code: bin.code, scene: `b=${bin.code}`, cleaners: [{ id: cleanerA }] });
    expect(item.h5Url).toBe(`http://localhost:3000/#/pkg-scan/bin/index?scene=b%3D${bin.code}`);
    expect(item.scene.length).toBeLessThanOrEqual(32);
  });
});

describe('managing bins (村干部)', () => {
  it('creates, moves, reassigns and disables a bin; a disabled bin cannot be reported', async () => {
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    const villageId = tree.villages[0].id;
    const made = await api.call('POST', `/api/villages/${villageId}/bins`, {
      token: cadre,
      body: { label: '新1号', lat: 29.561, lng: 106.462, cleanerIds: [cleanerA] },
    });
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect((await api.call('POST', `/api/villages/${villageId}/bins`, { token: cadre, body: { label: '新1号', lat: 29.5, lng: 106.4 } })).body.error.code).toBe(
      'BIN_LABEL_TAKEN',
    );
    const moved = await api.call('PATCH', `/api/bins/${made.body.code}`, { token: cadre, body: { lat: 29.57, cleanerIds: [cleanerB] } });
    expect(moved.body).toMatchObject({ lat: 29.57, cleaners: [{ id: cleanerB }] });
    const foreign = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const stranger = (await createPersonWithRole(d(), foreign, 'cleaner')).personId;
    expect((await api.call('PATCH', `/api/bins/${made.body.code}`, { token: cadre, body: { cleanerIds: [stranger] } })).body.error.code).toBe(
      'NOT_IN_THIS_VILLAGE',
    );
    await api.call('PATCH', `/api/bins/${made.body.code}`, { token: cadre, body: { state: 'disabled' } });
    const scan = await api.call('POST', `/api/bins/${made.body.code}/report`, { token: (await villager()).token, body: {} });
    expect(scan.body.error.code).toBe('BIN_NOT_FOUND');
  });

  it('imports bins from CSV all or nothing, naming each bad line', async () => {
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    const villageId = tree.villages[0].id;
    const cleanerName = (await d().execute(sql`select name from people where id = ${cleanerA}`)) as unknown as { rows: { name: string }[] };
    const bad = await api.call('POST', `/api/villages/${villageId}/bins/import`, {
      token: cadre,
      body: { csv: `编号,纬度,经度,保洁员\nCSV1,29.56,106.46,${cleanerName.rows[0].name}\nCSV2,abc,106.46,\nCSV3,29.56,106.46,查无此人\n` },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { message: string }) => i.message)).toEqual(['第3行：纬度无效', '第4行：本村没有保洁员「查无此人」']);
    const list = async () => (await api.call('GET', `/api/villages/${villageId}/bins`, { token: cadre })).body.items.map((b: { label: string }) => b.label);
    expect(await list()).not.toContain('CSV1');
    const ok = await api.call('POST', `/api/villages/${villageId}/bins/import`, {
      token: cadre,
      body: { csv: `CSV1,29.56,106.46,${cleanerName.rows[0].name}\n"CSV,2",29.57,106.47,\n` },
    });
    expect(ok.body).toEqual({ created: 2 });
    expect(await list()).toEqual(expect.arrayContaining(['CSV1', 'CSV,2']));
  });
});

describe('figures for cadres', () => {
  it('counts reports, false reports and time to clean, and estimates the distance saved', async () => {
    const t = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const cleaner = (await createPersonWithRole(d(), t, 'cleaner')).personId;
    const cleanerToken = await tokenFor(d(), cleaner);
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), t, 'village_cadre')).personId);
    const bins = [];
    for (let i = 0; i < 10; i++) bins.push(await createBin(d(), t, [cleaner], { lat: 29.56 + i * 0.002, lng: 106.46 + (i % 3) * 0.002 }));
    const scanAs = async () => tokenFor(d(), (await createPersonWithRole(d(), t, 'villager')).personId);
    const r1 = await api.call('POST', `/api/bins/${bins[0].code}/report`, { token: await scanAs(), body: {} });
    const r2 = await api.call('POST', `/api/bins/${bins[5].code}/report`, { token: await scanAs(), body: {} });
    await api.call('POST', `/api/bins/${bins[9].code}/report`, { token: await scanAs(), body: {} });
    await api.call('POST', `/api/bin-reports/${r1.body.report.id}/clean`, { token: cleanerToken, body: { code: bins[0].code } });
    await api.call('POST', `/api/bin-reports/${r2.body.report.id}/false`, { token: cleanerToken, body: { code: bins[5].code } });
    const s = await api.call('GET', `/api/villages/${t.villages[0].id}/bin-stats?days=7`, { token: cadre });
    expect(s.status).toBe(200);
    expect(s.body.village).toMatchObject({ reports: 3, cleaned: 1, falseReports: 1, falseRate: 0.333 });
    expect(s.body.village.medianMinutesToClean).toBeGreaterThanOrEqual(0);
    expect(s.body.bins[0].reports).toBe(1);
    expect(s.body.distance.days).toBe(1);
    expect(s.body.distance.routedMeters).toBeLessThan(s.body.distance.visitAllMeters);
    expect(s.body.distance.savedPercent).toBeGreaterThan(0);
  });
});
