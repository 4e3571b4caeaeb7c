import { sql } from 'drizzle-orm';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { isTransactionControl, recordStatements } from '../helpers/statement-count';

const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;
let cleaners: string[];

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  cleaners = [(await createPersonWithRole(d(), tree, 'cleaner')).personId, (await createPersonWithRole(d(), tree, 'cleaner')).personId];
});

const villager = async () => tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager')).personId);

/** The statements the driver sent for one request, without BEGIN/COMMIT/SAVEPOINT (the adapter's). */
async function statementsOf(method: string, path: string, token: string, expectStatus: number): Promise<string[]> {
  const { result, statements } = await recordStatements(db.handle(), () => api.call(method, path, { token, body: method === 'GET' ? undefined : {} }));
  expect(result.status).toBe(expectStatus);
  return statements.filter((s) => !isTransactionControl(s)).map((s) => s.replace(/\s+/g, ' ').trim());
}

// Counted through the real driver. A new statement on these paths is a round trip on every
// scan: if one is needed, change the figure here on purpose (bench/round-trips.ts prints them).
describe('round trips of the hot paths', () => {
  it('opens a bin report in 7 statements: session with grants, write limit, access, bin with scan figures, open-and-report, notify both cleaners, timer', async () => {
    const bin = await createBin(d(), tree, cleaners);
    const s = await statementsOf('POST', `/api/bins/${bin.code}/report`, await villager(), 201);
    expect(s).toHaveLength(7);
  });

  it('joins an open bin report in 5 statements and adds no notification or timer', async () => {
    const bin = await createBin(d(), tree, cleaners);
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: await villager(), body: {} });
    const s = await statementsOf('POST', `/api/bins/${bin.code}/report`, await villager(), 200);
    expect(s).toHaveLength(5);
  });

  it('counts a reporter once: a second scan of the same open report after the repeat window joins it and puts the count back', async () => {
    const bin = await createBin(d(), tree, cleaners);
    const a = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const tokenA = await tokenFor(d(), a);
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: tokenA, body: {} });
    await api.call('POST', `/api/bins/${bin.code}/report`, { token: await villager(), body: {} });
    await d().execute(sql`update bin_report_reporters set created_at = created_at - interval '31 minutes' where person_id = ${a} and bin_id = ${bin.id}`);
    const again = await api.call('POST', `/api/bins/${bin.code}/report`, { token: tokenA, body: {} });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ joined: true, report: { reporters: 2 } });
    const r = await d().execute(sql`select reporters from bin_reports where bin_id = ${bin.id} and state = 'open'`);
    expect((r as unknown as { rows: { reporters: number }[] }).rows).toEqual([{ reporters: 2 }]);
  });

  it('answers a village board from the session, the top with its names, and the caller’s total with rank; the village is known from the grant', async () => {
    const s = await statementsOf('GET', `/api/villages/${tree.villages[0].id}/leaderboard`, await villager(), 200);
    expect(s.filter((x) => /from "?villages"?/.test(x))).toEqual([]);
    expect(s.filter((x) => x.startsWith('select "points_totals"'))).toHaveLength(1); // names joined in
    expect(s).toHaveLength(3);
  });

  it('answers /api/me in 2 statements: the session with its grants, then the person with household, place, deletion request and consent', async () => {
    const s = await statementsOf('GET', '/api/me', await villager(), 200);
    expect(s.filter((x) => x.includes('"role_assignments"'))).toHaveLength(1);
    expect(s).toHaveLength(2);
  });
});
