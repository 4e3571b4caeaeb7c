import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

/**
 * 操作日志 (issue 15): a points-rule change and a reward's creation and edit write an audit_log
 * line in their own transaction; GET /api/villages/{id}/audit-log and
 * /api/townships/{id}/audit-log read them newest first with filters and a cursor, to the
 * village's cadres and the township's staff only. Two townships of this file's own (the server
 * database is shared).
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let a: TOrgTree;
let b: TOrgTree;
const tokens: Record<string, string> = {};
const stamp = Date.now().toString(36).slice(-5);

type TEntry = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  actionLabel: string;
  entity: { type: string; label: string; id: string | null };
  village: { id: string; name: string } | null;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
type TPage = { items: TEntry[]; nextCursor: string | null };

const get = (who: string, url: string) => api.call<TPage>('GET', url, { token: tokens[who] });
const write = (who: string, method: string, url: string, body: unknown) =>
  api.call(method, url, { token: tokens[who], body, headers: { 'idempotency-key': `${who}-${Math.random()}` } });

beforeAll(async () => {
  a = await createOrgTree(d(), { villages: 2, courtyards: 1 });
  b = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  const people = {
    cadre0: await createPersonWithRole(d(), a, 'village_cadre', { village: 0 }, `甲干部${stamp}`),
    cadre1: await createPersonWithRole(d(), a, 'village_cadre', { village: 1 }, `乙干部${stamp}`),
    staffA: await createPersonWithRole(d(), a, 'township_staff', {}, '甲镇员'),
    staffB: await createPersonWithRole(d(), b, 'township_staff', {}, '乙镇员'),
    villager: await createPersonWithRole(d(), a, 'villager', { village: 0 }, '村民'),
  };
  for (const [k, v] of Object.entries(people)) tokens[k] = await tokenFor(d(), v.personId);
});

describe('操作日志', () => {
  it('shows a points-rule change with before and after, newest first, and keeps the rule’s own history', async () => {
    const v0 = a.villages[0].id;
    expect((await write('cadre0', 'PUT', `/api/villages/${v0}/points-rules/meeting_attended`, { points: 7, dailyCap: 20 })).status).toBe(200);
    expect((await write('cadre0', 'PUT', `/api/villages/${v0}/points-rules/meeting_attended`, { points: 9, dailyCap: 20 })).status).toBe(200);
    // the same values again: no change, no line
    expect((await write('cadre0', 'PUT', `/api/villages/${v0}/points-rules/meeting_attended`, { points: 9, dailyCap: 20 })).status).toBe(200);

    const res = await get('cadre0', `/api/villages/${v0}/audit-log`);
    expect(res.status).toBe(200);
    const rules = res.body.items.filter((e) => e.action === 'points_rule.update');
    expect(rules.map((e) => [e.actionLabel, e.actor?.name, e.entity, e.village?.id, e.before, e.after])).toEqual([
      ['修改积分规则', `甲干部${stamp}`, { type: 'points_rule', label: '积分规则', id: 'meeting_attended' }, v0, { points: 7 }, { points: 9 }],
      [
        '修改积分规则',
        `甲干部${stamp}`,
        { type: 'points_rule', label: '积分规则', id: 'meeting_attended' },
        v0,
        { points: 0, dailyCap: null },
        { points: 7, dailyCap: 20 },
      ],
    ]);
    expect(rules[0].summary).toBe('修改积分规则「参加院落主题日」');
    expect(Date.parse(rules[0].at)).toBeGreaterThanOrEqual(Date.parse(rules[1].at));
    // the 积分规则 page's history is still written
    const history = await api.call('GET', `/api/villages/${v0}/points-rules`, { token: tokens.cadre0 });
    expect(history.body.changes).toHaveLength(2);
  });

  it('records a reward’s creation (after only) and an edit (the changed fields)', async () => {
    const v0 = a.villages[0].id;
    const made = await write('cadre0', 'POST', `/api/villages/${v0}/rewards`, { name: '肥皂', price: 20, stock: 5 });
    expect(made.status).toBe(201);
    expect((await write('cadre0', 'PATCH', `/api/rewards/${made.body.id}`, { stock: 8 })).status).toBe(200);
    const res = await get('cadre0', `/api/villages/${v0}/audit-log?entityType=reward`);
    expect(res.body.items.map((e) => [e.action, e.entity.id, e.before, e.after?.stock])).toEqual([
      ['reward.update', made.body.id, { stock: 5 }, 8],
      ['reward.create', made.body.id, null, 5],
    ]);
    expect(res.body.items[1].after).toMatchObject({ name: '肥皂', price: 20, stock: 5, active: true });
  });

  it('filters by action, actor and date, and pages with a cursor', async () => {
    const v0 = a.villages[0].id;
    const base = `/api/villages/${v0}/audit-log`;
    const byAction = await get('cadre0', `${base}?action=reward.create`);
    expect(byAction.body.items.map((e) => e.action)).toEqual(['reward.create']);
    expect((await get('cadre0', `${base}?actor=${encodeURIComponent(`甲干部${stamp}`)}`)).body.items).toHaveLength(4);
    expect((await get('cadre0', `${base}?actor=${encodeURIComponent('乙干部')}`)).body.items).toHaveLength(0);
    const future = new Date(Date.now() + 86400e3).toISOString();
    expect((await get('cadre0', `${base}?from=${encodeURIComponent(future)}`)).body.items).toHaveLength(0);
    expect((await get('cadre0', `${base}?to=${encodeURIComponent(future)}`)).body.items).toHaveLength(4);

    const all = (await get('cadre0', base)).body.items.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { body: TPage } = await get('cadre0', `${base}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...p.body.items.map((e) => e.id));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect((await get('cadre0', `${base}?cursor=not-a-cursor`)).status).toBe(400);
  });

  it('refuses another village’s cadre, a villager and another township’s staff', async () => {
    const v0 = a.villages[0].id;
    for (const who of ['cadre1', 'villager', 'staffB']) expect([403, 404]).toContain((await get(who, `/api/villages/${v0}/audit-log`)).status);
    for (const who of ['cadre0', 'villager', 'staffB']) expect([403, 404]).toContain((await get(who, `/api/townships/${a.townshipId}/audit-log`)).status);
    // the other village's own log holds none of village 0's lines
    expect((await get('cadre1', `/api/villages/${a.villages[1].id}/audit-log`)).body.items).toHaveLength(0);
  });

  it('shows township staff their villages’ lines only', async () => {
    const v1 = a.villages[1].id;
    expect((await write('cadre1', 'PUT', `/api/villages/${v1}/points-rules/volunteer`, { points: 3, dailyCap: null })).status).toBe(200);
    const mine = await get('staffA', `/api/townships/${a.townshipId}/audit-log?limit=100`);
    expect(mine.status).toBe(200);
    expect(new Set(mine.body.items.map((e) => e.village?.id))).toEqual(new Set([a.villages[0].id, v1]));
    expect(mine.body.items).toHaveLength(5);
    // staff may also open one of their villages
    expect((await get('staffA', `/api/villages/${v1}/audit-log`)).body.items.map((e) => e.entity.id)).toEqual(['volunteer']);
    const theirs = await get('staffB', `/api/townships/${b.townshipId}/audit-log`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toHaveLength(0);
  });
});
