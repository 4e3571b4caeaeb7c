import { sql } from 'drizzle-orm';
import { getBalance } from '../../db/queries/points-ledger';
import { findReward } from '../../db/queries/rewards';
import { createOrgTree, createPersonWithRole, createReward } from '../../db/seed/factories';
import type { TSignedInContext } from '../../functions/services/context';
import { cancelRedemption } from '../../functions/services/points/cancel-redemption';
import { redeemReward } from '../../functions/services/points/redeem-reward';
import { useTestDb } from '../helpers/db';
import { personCtx } from '../helpers/work';
import { expectReconciled, grantPoints } from '../helpers/points';
import { testDbKind } from '../helpers/test-db-config';

/** Races need real concurrency: PGlite runs one transaction at a time, so only the server counts. */
const onServer = testDbKind() === 'server';
if (!onServer) console.warn('⚠ points race tests SKIPPED: they need the PostgreSQL server (TEST_DB=server with DATABASE_URL)');
const describeOnServer = onServer ? describe : describe.skip;

const db = useTestDb();
const d = () => db.handle().db;
const ctxOf = (personId: string): TSignedInContext => personCtx(d(), personId, { dbKind: 'postgres' });

describeOnServer('points races on the server database', () => {
  it('sells exactly 10 of a stock of 10 to 200 concurrent redeemers, with no negative balance', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const people: string[] = [];
    for (let i = 0; i < 200; i++) {
      const p = (await createPersonWithRole(d(), tree, 'villager')).personId;
      await grantPoints(d(), p, i % 4 === 0 ? 10 : 100); // a quarter cannot afford it
      people.push(p);
    }
    const reward = await createReward(d(), {
      villageId: tree.villages[0].id,
      name: '大米5斤',
      price: 50,
      stock: 10,
      createdBy: people[0],
    });
    const results = await Promise.allSettled(people.map((p) => redeemReward(ctxOf(p), reward.id)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
    expect(ok).toHaveLength(10);
    expect(new Set(codes)).toEqual(new Set(['OUT_OF_STOCK', 'INSUFFICIENT_POINTS']));
    expect((await findReward(d(), reward.id))?.stock).toBe(0);
    const neg = await d().execute(sql`select count(*)::int as n from points_balances where balance < 0`);
    expect((neg as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
    const spent = await Promise.all(people.map((p) => getBalance(d(), p)));
    expect(spent.filter((b, i) => b === (i % 4 === 0 ? 10 : 100) - 50)).toHaveLength(10);
    await expectReconciled(d());
  }, 60_000);

  it('lets one person with points for 3 redeem exactly 3 when tapping 30 times at once', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const p = (await createPersonWithRole(d(), tree, 'villager')).personId;
    await grantPoints(d(), p, 90);
    const reward = await createReward(d(), {
      villageId: tree.villages[0].id,
      name: '肥皂',
      price: 30,
      stock: 100,
      createdBy: p,
    });
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => redeemReward(ctxOf(p), reward.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await getBalance(d(), p)).toBe(0);
    expect((await findReward(d(), reward.id))?.stock).toBe(97);
  }, 30_000);

  it('returns points once when two cancels race', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const p = (await createPersonWithRole(d(), tree, 'villager')).personId;
    await grantPoints(d(), p, 30);
    const reward = await createReward(d(), {
      villageId: tree.villages[0].id,
      name: '毛巾',
      price: 30,
      stock: 1,
      createdBy: p,
    });
    const red = await redeemReward(ctxOf(p), reward.id);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => cancelRedemption(ctxOf(p), red.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await getBalance(d(), p)).toBe(30);
    expect((await findReward(d(), reward.id))?.stock).toBe(1);
    await expectReconciled(d());
  }, 30_000);
});
