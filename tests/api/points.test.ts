import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { expectReconciled, grantPoints } from '../helpers/points';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { TestClock, workCtx } from '../helpers/work';

const db = useTestDb();
const api = useApi();
let tree: TOrgTree;
const d = () => db.handle().db;

beforeAll(async () => {
  tree = await createOrgTree(d());
});

describe('points over HTTP', () => {
  it('shows a villager a manual deduction with its reason, and refuses one larger than the balance', async () => {
    const v = (await createPersonWithRole(d(), tree, 'villager', {}, '李大姐')).personId;
    const head = (await createPersonWithRole(d(), tree, 'courtyard_head')).personId;
    const headToken = await tokenFor(d(), head);
    const vToken = await tokenFor(d(), v);
    const award = await api.call('POST', `/api/people/${v}/points`, {
      token: headToken,
      body: { amount: 20, reason: '打扫公共区域' },
      headers: { 'idempotency-key': 'award-1' },
    });
    expect(award.status).toBe(201);
    const retry = await api.call('POST', `/api/people/${v}/points`, {
      token: headToken,
      body: { amount: 20, reason: '打扫公共区域' },
      headers: { 'idempotency-key': 'award-1' },
    });
    expect(retry.body).toEqual(award.body); // a retried tap posts nothing twice
    await api.call('POST', `/api/people/${v}/points`, { token: headToken, body: { amount: -5, reason: '乱堆杂物' } });
    const tooMuch = await api.call('POST', `/api/people/${v}/points`, { token: headToken, body: { amount: -50, reason: '测试' } });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('INSUFFICIENT_POINTS');
    const mine = await api.call('GET', '/api/points/me', { token: vToken });
    expect(mine.body.balance).toBe(15);
    expect(mine.body.items.map((i: { amount: number; reason: string; note: string }) => [i.amount, i.reason, i.note])).toEqual([
      [-5, '人工扣分', '乱堆杂物'],
      [20, '人工加分', '打扫公共区域'],
    ]);
    const noReason = await api.call('POST', `/api/people/${v}/points`, { token: headToken, body: { amount: 5, reason: '' } });
    expect(noReason.status).toBe(400);
  });

  it('shows the household statement to its members and not to a neighbour', async () => {
    const t = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const a = (await createPersonWithRole(d(), t, 'villager', {}, '户主')).personId;
    const b = (await createPersonWithRole(d(), t, 'villager', {}, '家人')).personId; // same household in the factory
    await grantPoints(d(), a, 12);
    await grantPoints(d(), b, 8);
    const me = await api.call('GET', '/api/me', { token: await tokenFor(d(), a) });
    const hh = await api.call('GET', `/api/households/${me.body.household.id}/points`, { token: await tokenFor(d(), b) });
    expect(hh.body.balance).toBe(20);
    expect(hh.body.members.map((m: { balance: number }) => m.balance).sort()).toEqual([12, 8].sort());
    const neighbour = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const denied = await api.call('GET', `/api/households/${me.body.household.id}/points`, { token: await tokenFor(d(), neighbour) });
    expect(denied.status).toBe(404);
  });

  it('runs the shop end to end: a cadre lists a reward, a villager redeems, the shopkeeper hands it over', async () => {
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    const keeper = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'shopkeeper')).personId);
    const v = (await createPersonWithRole(d(), tree, 'villager')).personId;
    await grantPoints(d(), v, 100);
    const vToken = await tokenFor(d(), v);
    const villageId = tree.villages[0].id;
    const reward = await api.call('POST', `/api/villages/${villageId}/rewards`, {
      token: cadre,
      body: { name: '菜籽油1升', price: 60, stock: 2, perPersonLimit: 1 },
    });
    expect(reward.status).toBe(201);
    const shop = await api.call('GET', `/api/villages/${villageId}/rewards`, { token: vToken });
    expect(shop.body.items.find((r: { id: string }) => r.id === reward.body.id)).toMatchObject({ open: true, stock: 2 });
    const red = await api.call('POST', `/api/rewards/${reward.body.id}/redeem`, { token: vToken, body: {}, headers: { 'idempotency-key': 'redeem-1' } });
    const again = await api.call('POST', `/api/rewards/${reward.body.id}/redeem`, { token: vToken, body: {}, headers: { 'idempotency-key': 'redeem-1' } });
    expect(red.status).toBe(201);
    expect(again.body.id).toBe(red.body.id); // the retry is the same redemption
    expect((await api.call('GET', '/api/points/me', { token: vToken })).body.balance).toBe(40);
    const pending = await api.call('GET', `/api/villages/${villageId}/redemptions?state=reserved`, { token: keeper });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(red.body.id);
    const handed = await api.call('POST', `/api/villages/${villageId}/handover`, { token: keeper, body: { pickupCode: red.body.pickupCode } });
    expect(handed.body.state).toBe('handed_over');
    const unknown = await api.call('POST', `/api/villages/${villageId}/handover`, { token: keeper, body: { pickupCode: 'ZZZZZZZZ' } });
    expect(unknown.body.error.code).toBe('PICKUP_CODE_NOT_FOUND');
    const board = await api.call('GET', `/api/villages/${villageId}/leaderboard?board=person&period=all`, { token: vToken });
    expect(board.body.me).toMatchObject({ id: v, total: 100 });
    expect((await api.call('GET', `/api/villages/${villageId}/leaderboard?period=2026-13`, { token: vToken })).status).toBe(400);
  });

  it('writes the pickup code in groups of four in 消息 and turns 「可以领取了」 into 已领取 once handed over', async () => {
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    const keeper = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'shopkeeper')).personId);
    const v = (await createPersonWithRole(d(), tree, 'villager')).personId;
    await grantPoints(d(), v, 50);
    const vToken = await tokenFor(d(), v);
    const villageId = tree.villages[0].id;
    const reward = await api.call('POST', `/api/villages/${villageId}/rewards`, { token: cadre, body: { name: '香皂', price: 10, stock: 5 } });
    const red = await api.call('POST', `/api/rewards/${reward.body.id}/redeem`, { token: vToken, body: {} });
    const code: string = red.body.pickupCode;
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    const ready = (await api.call('GET', '/api/inbox', { token: vToken })).body.items.find((i: { template: string }) => i.template === 'redemption_ready');
    expect(ready).toMatchObject({ title: '兑换商品可以领取了', body: `香皂，取货码 ${code.slice(0, 4)} ${code.slice(4)}` });

    await api.call('POST', `/api/villages/${villageId}/handover`, { token: keeper, body: { pickupCode: code } });
    const after = (await api.call('GET', '/api/inbox', { token: vToken })).body.items.find((i: { id: string }) => i.id === ready.id);
    expect(after).toMatchObject({ title: '兑换商品已领取', body: '香皂已领取' });
  });

  it('audits rule changes: who, when, old → new', async () => {
    const cadreId = (await createPersonWithRole(d(), tree, 'village_cadre', {}, '王村长')).personId;
    const cadre = await tokenFor(d(), cadreId);
    const villageId = tree.villages[0].id;
    await api.call('PUT', `/api/villages/${villageId}/points-rules/meeting_attended`, { token: cadre, body: { points: 10, dailyCap: null } });
    await api.call('PUT', `/api/villages/${villageId}/points-rules/meeting_attended`, { token: cadre, body: { points: 15, dailyCap: 30 } });
    const rules = await api.call('GET', `/api/villages/${villageId}/points-rules`, { token: cadre });
    expect(rules.body.rules.find((r: { eventKind: string }) => r.eventKind === 'meeting_attended')).toMatchObject({
      label: '参加院落主题日',
      points: 15,
      dailyCap: 30,
    });
    expect(rules.body.changes[0]).toMatchObject({
      eventKind: 'meeting_attended',
      oldPoints: 10,
      newPoints: 15,
      oldCap: null,
      newCap: 30,
      changedBy: { id: cadreId, name: '王村长' },
    });
    expect((await api.call('PUT', `/api/villages/${villageId}/points-rules/no_such_event`, { token: cadre, body: { points: 1, dailyCap: null } })).status).toBe(
      404,
    );
  });

  it('leaves everything reconciled', async () => {
    await expectReconciled(d());
  });
});
