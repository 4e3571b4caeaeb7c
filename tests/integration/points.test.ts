import { randomUUID } from 'node:crypto';
import { viaRoute } from '../helpers/access';
import { getBalance } from '../../db/queries/points-ledger';
import { upsertRule } from '../../db/queries/points-rules';
import { findReward } from '../../db/queries/rewards';
import { createOrgTree, createPersonWithRole, createReward, type TOrgTree } from '../../db/seed/factories';
import type { TSignedInContext } from '../../functions/services/context';
import { awardPoints } from '../../functions/services/points/award-points';
import { buildBoard } from '../../functions/services/points/build-board';
import { cancelRedemption } from '../../functions/services/points/cancel-redemption';
import { handOverRedemption } from '../../functions/services/points/hand-over-redemption';
import { redeemReward } from '../../functions/services/points/redeem-reward';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { listInbox } from '../../db/queries/inbox';
import { useTestDb } from '../helpers/db';
import { expectReconciled, grantPoints } from '../helpers/points';
import { personCtx, TestClock, workCtx } from '../helpers/work';

const db = useTestDb();
let tree: TOrgTree;
const d = () => db.handle().db;

beforeAll(async () => {
  tree = await createOrgTree(d());
  await upsertRule(d(), {
    villageId: tree.villages[0].id,
    eventKind: 'bin_report_first',
    points: 5,
    dailyCap: 12,
    updatedBy: (await createPersonWithRole(d(), tree, 'village_cadre')).personId,
    updatedAt: new Date(),
  });
});

const ctxOf = (personId: string, clock = new TestClock(Date.now())): TSignedInContext => personCtx(d(), personId, { now: clock.now });

async function villager(courtyard = 0) {
  return (await createPersonWithRole(d(), tree, 'villager', { courtyard })).personId;
}

async function reward(over: Partial<Parameters<typeof createReward>[1]> = {}) {
  return createReward(d(), {
    villageId: tree.villages[0].id,
    name: '洗衣粉',
    price: 30,
    stock: 5,
    createdBy: await villager(),
    ...over,
  });
}

describe('awardPoints (rules, caps, exactly once)', () => {
  it('posts the village rule once per event, however often it is called', async () => {
    const p = await villager();
    const source = { kind: 'bin_report', id: randomUUID() };
    const at = new Date();
    for (let i = 0; i < 3; i++) await d().transaction((tx) => awardPoints(tx, { personId: p, eventKind: 'bin_report_first', source, at }));
    expect(await getBalance(d(), p)).toBe(5);
  });

  it('stops at the daily cap and starts again the next China day', async () => {
    const p = await villager();
    const day = new Date('2026-03-10T02:00:00Z'); // 10:00 in Beijing
    const awarded = [];
    for (let i = 0; i < 4; i++) {
      awarded.push(
        (
          await d().transaction((tx) =>
            awardPoints(tx, { personId: p, eventKind: 'bin_report_first', source: { kind: 'bin_report', id: randomUUID() }, at: day }),
          )
        ).awarded,
      );
    }
    expect(awarded).toEqual([5, 5, 2, 0]);
    const nextDay = new Date('2026-03-10T16:30:00Z'); // 00:30 on the 11th in Beijing
    const next = await d().transaction((tx) =>
      awardPoints(tx, { personId: p, eventKind: 'bin_report_first', source: { kind: 'bin_report', id: randomUUID() }, at: nextDay }),
    );
    expect(next.awarded).toBe(5);
  });

  it('awards nothing for an event the village has no rule for', async () => {
    const p = await villager();
    const r = await d().transaction((tx) => awardPoints(tx, { personId: p, eventKind: 'tidy_yard', source: { kind: 'x', id: randomUUID() }, at: new Date() }));
    expect(r.awarded).toBe(0);
  });
});

describe('the points shop', () => {
  it('takes points and stock once, and a pickup code hands the goods over once', async () => {
    const p = await villager();
    await grantPoints(d(), p, 100);
    const r = await reward();
    const red = await redeemReward(ctxOf(p), r.id);
    expect(red).toMatchObject({ state: 'reserved', points: 30 });
    expect(red.pickupCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(await getBalance(d(), p)).toBe(70);
    expect((await findReward(d(), r.id))?.stock).toBe(4);
    const keeper = (await createPersonWithRole(d(), tree, 'shopkeeper')).personId;
    const handed = await handOverRedemption(ctxOf(keeper), tree.villages[0].id, red.pickupCode.toLowerCase());
    expect(handed.state).toBe('handed_over');
    await expect(handOverRedemption(ctxOf(keeper), tree.villages[0].id, red.pickupCode)).rejects.toMatchObject({ code: 'REDEMPTION_NOT_OPEN' });
    await expect(cancelRedemption(ctxOf(p), red.id)).rejects.toMatchObject({ code: 'REDEMPTION_NOT_OPEN' });
  });

  it('refuses more than the balance, an empty stock, a closed window and the per-person limit', async () => {
    const p = await villager();
    await grantPoints(d(), p, 50);
    await expect(redeemReward(ctxOf(p), (await reward({ price: 60 })).id)).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    await expect(redeemReward(ctxOf(p), (await reward({ stock: 0 })).id)).rejects.toMatchObject({ code: 'OUT_OF_STOCK' });
    await expect(redeemReward(ctxOf(p), (await reward({ endsAt: new Date(Date.now() - 1000) })).id)).rejects.toMatchObject({ code: 'REWARD_CLOSED' });
    const limited = await reward({ price: 10, perPersonLimit: 1 });
    await redeemReward(ctxOf(p), limited.id);
    await expect(redeemReward(ctxOf(p), limited.id)).rejects.toMatchObject({ code: 'REDEEM_LIMIT_REACHED' });
    expect(await getBalance(d(), p)).toBe(40); // the failures took nothing
  });

  it('returns points and stock exactly once on cancel', async () => {
    const p = await villager();
    await grantPoints(d(), p, 30);
    const r = await reward();
    const red = await redeemReward(ctxOf(p), r.id);
    await cancelRedemption(ctxOf(p), red.id);
    await expect(cancelRedemption(ctxOf(p), red.id)).rejects.toMatchObject({ code: 'REDEMPTION_NOT_OPEN' });
    expect(await getBalance(d(), p)).toBe(30);
    expect((await findReward(d(), r.id))?.stock).toBe(5);
    const stranger = await villager(1);
    const red2 = await redeemReward(ctxOf(p), r.id);
    await expect(viaRoute(ctxOf(stranger), 'redemption.cancel', 'redemption', red2.id, (c) => cancelRedemption(c, red2.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('expires an unclaimed redemption through its timer, reminding the day before, returning points once', async () => {
    const clock = new TestClock(Date.now());
    const p = await villager();
    await grantPoints(d(), p, 30);
    const r = await reward();
    const red = await redeemReward(ctxOf(p, clock), r.id);
    clock.advance(6 * 86400e3 + 60e3);
    await runDueWork(workCtx(d(), clock));
    expect((await listInbox(d(), p, 10)).map((m) => m.template)).toEqual(expect.arrayContaining(['redemption_ready', 'redemption_expiring']));
    clock.advance(86400e3);
    await runDueWork(workCtx(d(), clock));
    expect(await getBalance(d(), p)).toBe(30);
    expect((await findReward(d(), r.id))?.stock).toBe(5);
    await expect(cancelRedemption(ctxOf(p, clock), red.id)).rejects.toMatchObject({ code: 'REDEMPTION_NOT_OPEN' });
    expect((await listInbox(d(), p, 10))[0]).toMatchObject({ template: 'redemption_closed', title: '兑换已过期' });
  });
});

describe('leaderboards', () => {
  it('ranks people, households and courtyards for the month and all time, ties sharing a rank', async () => {
    const t = await createOrgTree(d(), { villages: 1, courtyards: 2 });
    const a = (await createPersonWithRole(d(), t, 'villager', { courtyard: 0 })).personId;
    const b = (await createPersonWithRole(d(), t, 'villager', { courtyard: 0 })).personId;
    const c = (await createPersonWithRole(d(), t, 'villager', { courtyard: 1 })).personId;
    await grantPoints(d(), a, 10, new Date('2026-01-15T00:00:00Z'));
    await grantPoints(d(), b, 30, new Date('2026-02-15T00:00:00Z'));
    await grantPoints(d(), c, 30, new Date('2026-02-20T00:00:00Z'));
    const scope = { villageId: t.villages[0].id };
    const all = await buildBoard(d(), { scope, board: 'person', period: 'all', limit: 10, by: 'total', personId: a });
    expect(all.items.map((i) => [i.total, i.rank])).toEqual([
      [30, 1],
      [30, 1],
      [10, 3],
    ]);
    expect(all.me).toEqual({ id: a, total: 10, rank: 3 });
    const feb = await buildBoard(d(), { scope, board: 'person', period: '2026-02', limit: 10, by: 'total', personId: a });
    expect(feb.items.map((i) => i.total)).toEqual([30, 30]);
    expect(feb.me).toEqual({ id: a, total: 0, rank: null });
    const yards = await buildBoard(d(), { scope, board: 'courtyard', period: 'all', limit: 10, by: 'total', personId: c });
    expect(yards.items.map((i) => [i.name, i.total])).toEqual([
      ['院落1-1', 40],
      ['院落1-2', 30],
    ]);
    const perHousehold = await buildBoard(d(), { scope, board: 'courtyard', period: 'all', limit: 10, by: 'perHousehold', personId: c });
    expect(perHousehold.items[0]).toMatchObject({ name: '院落1-1', households: 1, perHousehold: 40 });
    const hh = await buildBoard(d(), { scope, board: 'household', period: 'all', limit: 10, by: 'total', personId: c });
    expect(hh.items.map((i) => i.total)).toEqual([40, 30]);
  });

  it('does not count spending on the boards', async () => {
    const t = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const p = (await createPersonWithRole(d(), t, 'villager')).personId;
    await grantPoints(d(), p, 50);
    const r = await createReward(d(), {
      villageId: t.villages[0].id,
      name: '毛巾',
      price: 20,
      stock: 1,
      createdBy: p,
    });
    await redeemReward(ctxOf(p), r.id);
    const board = await buildBoard(d(), { scope: { villageId: t.villages[0].id }, board: 'person', period: 'all', limit: 5, by: 'total', personId: p });
    expect(board.me).toEqual({ id: p, total: 50, rank: 1 });
  });
});

describe('after all of the above', () => {
  it('leaves the ledger, balances, boards and redemptions in agreement (points:reconcile)', async () => {
    await expectReconciled(d());
  });
});
