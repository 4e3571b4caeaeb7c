import { sql } from 'drizzle-orm';
import { viaRoute } from '../helpers/access';
import type { Db } from '../../db/client';
import { householdPartyLinks, people, roleAssignments } from '../../db/schema';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { ackSos } from '../../functions/services/sos/ack-sos';
import { cancelSos } from '../../functions/services/sos/cancel-sos';
import { getSos } from '../../functions/services/sos/get-sos';
import { mySos, setMySos } from '../../functions/services/sos/my-sos';
import { raiseSos } from '../../functions/services/sos/raise-sos';
import { resolveSos } from '../../functions/services/sos/resolve-sos';
import { activeSos } from '../../functions/services/sos/active-sos';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { useTestDb } from '../helpers/db';
import { TestClock, actorCtx, workCtx } from '../helpers/work';

/** 一键呼叫 on an injected clock: who is told at each step, acknowledgement, escalation, cancel. */
const db = useTestDb();
const d = (): Db => db.handle().db;
const MIN = 60_000;
let tree: TOrgTree;
let head: string;
let party: string;
let cadre: string;
let staff: string;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
  head = (await createPersonWithRole(d(), tree, 'courtyard_head', {}, '王院长')).personId;
  party = (await createPersonWithRole(d(), tree, 'villager', {}, '党员刘')).personId;
  await d()
    .update(people)
    .set({ isPartyMember: true })
    .where(sql`${people.id} = ${party}`);
  cadre = (await createPersonWithRole(d(), tree, 'village_cadre', {}, '李书记')).personId;
  staff = (await createPersonWithRole(d(), tree, 'township_staff', {}, '镇街张')).personId;
  await d().insert(householdPartyLinks).values({ householdId: tree.villages[0].courtyards[0].householdId, personId: party });
});

const as = (personId: string, clock: TestClock) => actorCtx(d(), personId, clock);
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );
const told = async (personId: string, callId: string, template = 'sos') => {
  const r = await d().execute(
    sql`select count(*)::int as n from notifications where recipient_id = ${personId} and template = ${template} and payload->>'callId' = ${callId}`,
  );
  return (r as unknown as { rows: { n: number }[] }).rows[0].n;
};
async function elder(courtyard = 0, flags: Partial<{ elderly: boolean; livesAlone: boolean }> = { elderly: true }) {
  const id = (await createPersonWithRole(d(), tree, 'villager', { courtyard }, '孙奶奶')).personId;
  await d()
    .update(people)
    .set({ ...flags, phone: '13912345678' })
    .where(sql`${people.id} = ${id}`);
  return id;
}

describe('一键呼叫', () => {
  it('is available to elderly people, and to anyone who turns it on', async () => {
    const clock = new TestClock();
    const young = (await createPersonWithRole(d(), tree, 'villager')).personId;
    expect(await code(raiseSos(await as(young, clock)))).toBe('SOS_NOT_AVAILABLE');
    expect(await setMySos(await as(young, clock), true)).toEqual({ available: true, enabledByMe: true });
    expect((await raiseSos(await as(young, clock))).created).toBe(true);
    const old = await elder();
    expect(await setMySos(await as(old, clock), false)).toEqual({ available: true, enabledByMe: false });
  });

  it('tells the head and the household party member at once with address and phone; a second tap returns the same call', async () => {
    const clock = new TestClock();
    const caller = await elder();
    const first = await raiseSos(await as(caller, clock));
    expect(first.created).toBe(true);
    expect(first.call).toMatchObject({ state: 'open', step: 0, phone: '13912345678', address: expect.stringContaining('院落1-1'), mine: true });
    expect(await told(head, first.call.id)).toBe(1);
    expect(await told(party, first.call.id)).toBe(1);
    expect(await told(cadre, first.call.id)).toBe(0);
    const again = await raiseSos(await as(caller, clock));
    expect(again).toMatchObject({ created: false, call: { id: first.call.id } });
    expect((await activeSos(await as(party, clock))).items.map((c) => c.id)).toContain(first.call.id);
  });

  it('the first to acknowledge is shown to the caller; a second acknowledgement is refused', async () => {
    const clock = new TestClock();
    const caller = await elder();
    const { call } = await raiseSos(await as(caller, clock));
    clock.advance(MIN);
    const acked = await ackSos(await as(party, clock), call.id);
    expect(acked).toMatchObject({ state: 'acknowledged', responder: { id: party, name: '党员刘', phone: '13800000000' } });
    expect(await told(caller, call.id, 'sos_ack')).toBe(1);
    expect(await told(head, call.id, 'sos_update')).toBe(1);
    expect(await code(ackSos(await as(head, clock), call.id))).toBe('SOS_ALREADY_ACKNOWLEDGED');
    const seen = await getSos(await as(caller, clock), call.id);
    expect(seen.responder?.name).toBe('党员刘');
    clock.advance(10 * MIN);
    await runDueWork(workCtx(d(), clock));
    expect(await told(cadre, call.id)).toBe(0); // acknowledged: no escalation
    const done = await resolveSos(await as(party, clock), call.id, '已送医');
    expect(done.state).toBe('resolved');
    expect(done.events.map((e) => e.kind)).toEqual(['raised', 'notified', 'acknowledged', 'resolved']);
  });

  it('unacknowledged: the cadre after the set minutes, then the township, then everyone is reminded', async () => {
    const clock = new TestClock();
    const caller = await elder();
    const { call } = await raiseSos(await as(caller, clock));
    clock.advance(5 * MIN - 1000);
    await runDueWork(workCtx(d(), clock));
    expect(await told(cadre, call.id)).toBe(0);
    clock.advance(1000);
    await runDueWork(workCtx(d(), clock));
    expect(await told(cadre, call.id)).toBe(1);
    expect((await getSos(await as(caller, clock), call.id)).step).toBe(1);
    clock.advance(5 * MIN);
    await runDueWork(workCtx(d(), clock));
    expect(await told(staff, call.id)).toBe(1);
    clock.advance(5 * MIN);
    await runDueWork(workCtx(d(), clock));
    expect(await told(head, call.id)).toBe(2); // reminded once at the top
    const c = await getSos(await as(caller, clock), call.id);
    expect(c).toMatchObject({ state: 'open', step: 2 });
    expect(c.events.map((e) => e.kind)).toEqual(['raised', 'notified', 'escalated', 'escalated', 'unanswered']);
    // a cadre who was told can still come
    expect((await ackSos(await as(cadre, clock), call.id)).responder?.id).toBe(cadre);
  });

  it('cancelled as 误触: everyone told learns it, and nothing escalates', async () => {
    const clock = new TestClock();
    const caller = await elder();
    const { call } = await raiseSos(await as(caller, clock));
    expect(await code(viaRoute(await as(head, clock), 'sos.cancel', 'sos', call.id, (c) => cancelSos(c, call.id, 'mistap')))).toBe('FORBIDDEN');
    const c = await cancelSos(await as(caller, clock), call.id, 'mistap');
    expect(c).toMatchObject({ state: 'cancelled', cancelReason: 'mistap' });
    expect(await told(head, call.id, 'sos_update')).toBe(1);
    clock.advance(30 * MIN);
    await runDueWork(workCtx(d(), clock));
    expect(await told(cadre, call.id)).toBe(0);
    expect(await code(ackSos(await as(head, clock), call.id))).toBe('SOS_CLOSED');
    expect(await code(cancelSos(await as(caller, clock), call.id, 'mistap'))).toBe('SOS_CLOSED');
    expect((await mySos(await as(caller, clock))).call?.state).toBe('cancelled');
    // a new call can be raised after a cancelled one
    expect((await raiseSos(await as(caller, clock))).created).toBe(true);
  });

  it('is not visible to neighbours, nor answerable by them', async () => {
    const clock = new TestClock();
    const caller = await elder();
    const { call } = await raiseSos(await as(caller, clock));
    const neighbour = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const otherHead = (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 1 })).personId;
    for (const p of [neighbour, otherHead]) {
      expect(await code(viaRoute(await as(p, clock), 'sos.view', 'sos', call.id, (c) => getSos(c, call.id)))).toBe('NOT_FOUND');
      expect(await code(viaRoute(await as(p, clock), 'sos.ack', 'sos', call.id, (c) => ackSos(c, call.id)))).toBe('NOT_FOUND');
    }
    expect((await activeSos(await as(neighbour, clock))).items).toEqual([]);
    expect(await code(getSos(await as(cadre, clock), call.id))).toBe('ok');
  });

  it('goes straight to the cadre when the courtyard has no head and no party member', async () => {
    const clock = new TestClock();
    const caller = await elder(1);
    await d()
      .update(roleAssignments)
      .set({ endedAt: new Date() })
      .where(sql`${roleAssignments.courtyardId} = ${tree.villages[0].courtyards[1].id} and role = 'courtyard_head'`);
    const { call } = await raiseSos(await as(caller, clock));
    expect(call.step).toBe(1);
    expect(await told(cadre, call.id)).toBe(1);
    expect(call.events.map((e) => e.kind)).toEqual(['raised', 'skipped', 'escalated']);
  });
});
