import { sql } from 'drizzle-orm';
import { viaRoute } from '../helpers/access';
import type { Db } from '../../db/client';
import { findRequest } from '../../db/queries/requests';
import { upsertRule } from '../../db/queries/points-rules';
import { getBalance } from '../../db/queries/points-ledger';
import { roleAssignments } from '../../db/schema';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { acceptRequest } from '../../functions/services/requests/accept-request';
import { confirmRequest } from '../../functions/services/requests/confirm-request';
import { createRequest } from '../../functions/services/requests/create-request';
import { postRequestMessage } from '../../functions/services/requests/post-request-message';
import { reopenRequest } from '../../functions/services/requests/reopen-request';
import { requestTimeline } from '../../functions/services/requests/request-timeline';
import { resolveRequest } from '../../functions/services/requests/resolve-request';
import { setRequestLevel } from '../../functions/services/requests/set-request-level';
import { withdrawRequest } from '../../functions/services/requests/withdraw-request';
import { getRequest } from '../../functions/services/requests/get-request';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { useTestDb } from '../helpers/db';
import { TestClock, actorCtx, workCtx } from '../helpers/work';

/**
 * 找院长 on an injected clock: every SLA path (accepted in time, escalated twice, overdue),
 * every transition legal and illegal, the reopen and withdraw windows, points on confirmation.
 */
const db = useTestDb();
const d = (): Db => db.handle().db;
const H = 3_600_000;
let tree: TOrgTree;
let head: string;
let deputy: string;
let cadre: string;
let staff: string;
let villager: string;
let neighbour: string;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
  head = (await createPersonWithRole(d(), tree, 'courtyard_head', {}, '王院长')).personId;
  deputy = (await createPersonWithRole(d(), tree, 'courtyard_head', {}, '副院长')).personId;
  cadre = (await createPersonWithRole(d(), tree, 'village_cadre', {}, '李书记')).personId;
  staff = (await createPersonWithRole(d(), tree, 'township_staff', {}, '镇街张')).personId;
  villager = (await createPersonWithRole(d(), tree, 'villager', {}, '赵大妈')).personId;
  neighbour = (await createPersonWithRole(d(), tree, 'villager', {}, '邻居')).personId;
  for (const [k, p] of [
    ['request_confirmed', 10],
    ['request_participation', 3],
  ] as const) {
    await upsertRule(d(), { villageId: tree.villages[0].id, eventKind: k, points: p, dailyCap: null, updatedBy: cadre, updatedAt: new Date() });
  }
});

const as = (personId: string, clock: TestClock) => actorCtx(d(), personId, clock);
const notices = async (personId: string, template: string, requestId: string) => {
  const r = await d().execute(
    sql`select count(*)::int as n from notifications where recipient_id = ${personId} and template = ${template} and payload->>'requestId' = ${requestId}`,
  );
  return (r as unknown as { rows: { n: number }[] }).rows[0].n;
};
const submit = async (clock: TestClock, text = '门口的路灯坏了三天了') =>
  createRequest(await as(villager, clock), { category: 'infrastructure', text, photoIds: [] });
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('找院长 requests', () => {
  it('goes to the courtyard head and the deputy, both told, with a 24 h accept deadline', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    expect(r).toMatchObject({ state: 'submitted', level: 'courtyard', overdue: false, can: { withdraw: true, accept: false } });
    expect(r.dueAt).toBe(new Date(clock.t + 24 * H).toISOString());
    expect(await notices(head, 'request_new', r.id)).toBe(1);
    expect(await notices(deputy, 'request_new', r.id)).toBe(1);
    expect((await getRequest(await as(head, clock), r.id)).can).toMatchObject({ accept: true, resolve: false, confirm: false });
  });

  it('accepted in time: no escalation; not resolved in time: flagged overdue to the handler', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    clock.advance(23 * H);
    await acceptRequest(await as(head, clock), r.id);
    clock.advance(2 * H);
    await runDueWork(workCtx(d(), clock));
    expect(await findRequest(d(), r.id)).toMatchObject({ state: 'accepted', level: 'courtyard', handlerId: head, overdueAt: null });
    expect(await notices(cadre, 'request_escalated', r.id)).toBe(0);
    clock.advance(7 * 24 * H);
    await runDueWork(workCtx(d(), clock));
    const late = await getRequest(await as(villager, clock), r.id);
    expect(late).toMatchObject({ state: 'accepted', overdue: true });
    expect((await findRequest(d(), r.id))!.overdueAt).not.toBeNull();
    expect(await notices(head, 'request_overdue', r.id)).toBe(1);
  });

  it('not accepted: escalates to the village cadre, then to the township, then is flagged overdue', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    clock.advance(24 * H - 1000);
    await runDueWork(workCtx(d(), clock));
    expect((await findRequest(d(), r.id))!.state).toBe('submitted');
    clock.advance(1000);
    await runDueWork(workCtx(d(), clock));
    expect(await findRequest(d(), r.id)).toMatchObject({ state: 'escalated_village', level: 'village', handlerId: null });
    expect(await notices(cadre, 'request_escalated', r.id)).toBe(1);
    expect(await notices(villager, 'request_update', r.id)).toBe(1);
    expect(await code(acceptRequest(await as(head, clock), r.id))).toBe('FORBIDDEN'); // the village owns it now

    clock.advance(24 * H);
    await runDueWork(workCtx(d(), clock));
    expect(await findRequest(d(), r.id)).toMatchObject({ state: 'escalated_township', level: 'township' });
    expect(await notices(staff, 'request_escalated', r.id)).toBe(1);

    clock.advance(24 * H);
    await runDueWork(workCtx(d(), clock));
    const top = (await findRequest(d(), r.id))!;
    expect(top).toMatchObject({ state: 'escalated_township', level: 'township' });
    expect(top.overdueAt).not.toBeNull();
    expect(await notices(staff, 'request_overdue', r.id)).toBe(1);
    const kinds = (await requestTimeline(await as(villager, clock), r.id)).items.map((e) => e.kind);
    expect(kinds).toEqual(['submitted', 'auto_escalated', 'auto_escalated']);

    await acceptRequest(await as(staff, clock), r.id);
    expect(await getRequest(await as(staff, clock), r.id)).toMatchObject({ state: 'accepted', overdue: false, handler: { id: staff } });
  });

  it('refuses illegal transitions with 409 codes', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    expect(await code(resolveRequest(await as(head, clock), r.id, '已修好'))).toBe('REQUEST_NOT_ACCEPTED');
    expect(await code(confirmRequest(await as(villager, clock), r.id, 5))).toBe('REQUEST_NOT_RESOLVED');
    expect(await code(reopenRequest(await as(villager, clock), r.id, '没修'))).toBe('REQUEST_NOT_RESOLVED');
    expect(await code(viaRoute(await as(villager, clock), 'request.handle', 'request', r.id, (c) => acceptRequest(c, r.id)))).toBe('FORBIDDEN');
    expect(await code(viaRoute(await as(neighbour, clock), 'request.handle', 'request', r.id, (c) => acceptRequest(c, r.id)))).toBe('NOT_FOUND');
    await acceptRequest(await as(head, clock), r.id);
    expect(await code(acceptRequest(await as(deputy, clock), r.id))).toBe('REQUEST_NOT_WAITING');
    expect(await code(withdrawRequest(await as(villager, clock), r.id))).toBe('REQUEST_ALREADY_TAKEN');
    expect(await code(setRequestLevel(await as(head, clock), r.id, 'courtyard'))).toBe('REQUEST_SAME_LEVEL');
    await resolveRequest(await as(head, clock), r.id, '已联系电工修好');
    expect(await code(resolveRequest(await as(head, clock), r.id, '再办结'))).toBe('REQUEST_NOT_ACCEPTED');
    expect(await code(viaRoute(await as(head, clock), 'request.requesterAct', 'request', r.id, (c) => confirmRequest(c, r.id, 5)))).toBe('FORBIDDEN');
    await confirmRequest(await as(villager, clock), r.id, 4, '修得快');
    expect(await code(confirmRequest(await as(villager, clock), r.id, 5))).toBe('REQUEST_NOT_RESOLVED');
    expect(await code(setRequestLevel(await as(head, clock), r.id, 'village'))).toBe('REQUEST_CLOSED');
    expect(await code(postRequestMessage(await as(villager, clock), r.id, '谢谢', []))).toBe('REQUEST_CLOSED');
  });

  it('lets the requester withdraw before acceptance only, and nothing happens after', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    expect(await code(viaRoute(await as(neighbour, clock), 'request.requesterAct', 'request', r.id, (c) => withdrawRequest(c, r.id)))).toBe('NOT_FOUND');
    const w = await withdrawRequest(await as(villager, clock), r.id, '自己解决了');
    expect(w.state).toBe('withdrawn');
    expect(await code(acceptRequest(await as(head, clock), r.id))).toBe('REQUEST_NOT_WAITING');
    expect(await code(withdrawRequest(await as(villager, clock), r.id))).toBe('REQUEST_ALREADY_TAKEN');
    clock.advance(30 * H);
    await runDueWork(workCtx(d(), clock));
    expect((await findRequest(d(), r.id))!.state).toBe('withdrawn'); // the accept timer was cancelled
  });

  it('closes the loop: confirm with a rating awards points once; reopen within the window, not after', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    await acceptRequest(await as(head, clock), r.id);
    await resolveRequest(await as(head, clock), r.id, '已修好');
    clock.advance(6 * 24 * H);
    const reopened = await reopenRequest(await as(villager, clock), r.id, '晚上还是不亮');
    expect(reopened).toMatchObject({ state: 'accepted', handler: { id: head }, resolvedAt: null });
    await resolveRequest(await as(head, clock), r.id, '换了灯泡');
    clock.advance(7 * 24 * H + 1000);
    expect(await code(reopenRequest(await as(villager, clock), r.id, '又坏了'))).toBe('REQUEST_REOPEN_CLOSED');

    const before = { head: await getBalance(d(), head), villager: await getBalance(d(), villager) };
    const r2 = await submit(clock, '请帮忙看看下水道');
    await acceptRequest(await as(head, clock), r2.id);
    await resolveRequest(await as(head, clock), r2.id, '已疏通');
    const closed = await confirmRequest(await as(villager, clock), r2.id, 5, '很满意');
    expect(closed).toMatchObject({ state: 'closed', rating: 5, ratingComment: '很满意' });
    expect(await getBalance(d(), head)).toBe(before.head + 10);
    expect(await getBalance(d(), villager)).toBe(before.villager + 3);
    await confirmRequest(await as(villager, clock), r2.id, 5).catch(() => undefined);
    expect(await getBalance(d(), head)).toBe(before.head + 10);
  });

  it('closes a resolved request nobody confirms when the reopen window ends', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    await acceptRequest(await as(head, clock), r.id);
    await resolveRequest(await as(head, clock), r.id, '已处理');
    clock.advance(7 * 24 * H + 1000);
    await runDueWork(workCtx(d(), clock));
    expect(await findRequest(d(), r.id)).toMatchObject({ state: 'closed', rating: null });
    expect((await requestTimeline(await as(villager, clock), r.id)).items.at(-1)?.kind).toBe('auto_closed');
  });

  it('escalates and de-escalates by triage, each recorded; the new tier must accept it', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    const priv = await setRequestLevel(await as(head, clock), r.id, 'private', '属于家庭内部事务');
    expect(priv).toMatchObject({ level: 'private', state: 'submitted' });
    const up = await setRequestLevel(await as(head, clock), r.id, 'village', '需要村里协调');
    expect(up).toMatchObject({ level: 'village', state: 'escalated_village', handler: null });
    expect(await notices(cadre, 'request_escalated', r.id)).toBe(1);
    expect(await code(setRequestLevel(await as(head, clock), r.id, 'courtyard'))).toBe('FORBIDDEN');
    await acceptRequest(await as(cadre, clock), r.id);
    const down = await setRequestLevel(await as(cadre, clock), r.id, 'courtyard', '院落能解决');
    expect(down).toMatchObject({ level: 'courtyard', state: 'submitted', handler: null });
    const tl = (await requestTimeline(await as(head, clock), r.id)).items;
    expect(tl.map((e) => [e.kind, e.toLevel])).toEqual([
      ['submitted', 'courtyard'],
      ['triaged', 'private'],
      ['escalated', 'village'],
      ['accepted', 'village'],
      ['deescalated', 'courtyard'],
    ]);
    expect(tl[2]).toMatchObject({ label: '升级：转给村里（吹哨到村）', note: '需要村里协调', actor: { id: head } });
  });

  it('keeps the timeline and the thread append-only, even for the database owner', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    await postRequestMessage(await as(villager, clock), r.id, '今天能来看看吗', []);
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => 'changed',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await refusal(d().execute(sql`update request_events set note = 'x' where request_id = ${r.id}`))).toMatch(/append-only/);
    expect(await refusal(d().execute(sql`delete from request_messages where request_id = ${r.id}`))).toMatch(/append-only/);
  });

  it('tells the other side about a message: the owners before acceptance, the handler after, the requester when staff write', async () => {
    const clock = new TestClock();
    const r = await submit(clock);
    const m1 = await postRequestMessage(await as(villager, clock), r.id, '在家等您', []);
    expect(m1).toMatchObject({ mine: true, fromRequester: true });
    expect(await notices(head, 'request_message', r.id)).toBe(1);
    expect(await notices(deputy, 'request_message', r.id)).toBe(1);
    await acceptRequest(await as(head, clock), r.id);
    await postRequestMessage(await as(villager, clock), r.id, '几点来？', []);
    expect(await notices(head, 'request_message', r.id)).toBe(2);
    expect(await notices(deputy, 'request_message', r.id)).toBe(1);
    await postRequestMessage(await as(head, clock), r.id, '下午三点', []);
    expect(await notices(villager, 'request_message', r.id)).toBe(1);
    expect(await code(viaRoute(await as(neighbour, clock), 'request.message', 'request', r.id, (c) => postRequestMessage(c, r.id, '我也看看', [])))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses someone who belongs to no courtyard', async () => {
    const clock = new TestClock();
    const outsider = (await createPersonWithRole(d(), tree, null)).personId;
    expect(await code(createRequest(await as(outsider, clock), { category: 'other', text: '想问问', photoIds: [] }))).toBe('REQUEST_NO_COURTYARD');
  });

  it('a courtyard without a head still escalates on time', async () => {
    const clock = new TestClock();
    const lonely = (await createPersonWithRole(d(), tree, 'villager', { courtyard: 1 })).personId;
    await d()
      .update(roleAssignments)
      .set({ endedAt: new Date() })
      .where(sql`${roleAssignments.courtyardId} = ${tree.villages[0].courtyards[1].id} and role = 'courtyard_head'`);
    const r = await createRequest(await as(lonely, clock), { category: 'help', text: '需要帮忙搬东西', photoIds: [] });
    clock.advance(24 * H);
    await runDueWork(workCtx(d(), clock));
    expect((await findRequest(d(), r.id))!.state).toBe('escalated_village');
    expect(await notices(cadre, 'request_escalated', r.id)).toBe(1);
  });
});
