import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { countAbove, findStanding, topTotals, type TBoardKind, type TBoardScope } from '../../db/queries/leaderboard';
import { pointsTotals, roleAssignments } from '../../db/schema';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { STAFF_ROLES, type TRole } from '../../shared/domain/roles';
import { useTestDb } from '../helpers/db';

// "My rank" is 1 + countAbove (findStanding in functions/services/points/build-board.ts counts the
// same way from the subject's own total). These properties hold it
// to a brute-force competition rank over random totals crowded into a few values (many ties),
// on village and township scope, with 工作人员 left off person boards and an ended grant not.

const db = useTestDb();
const d = () => db.handle().db;
let tree: TOrgTree;
/** villagers, current staff (left off person boards) and a former cleaner (on them again) */
const pool: { id: string; staff: boolean }[] = [];

class Rollback extends Error {}

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 1 });
  for (let i = 0; i < 8; i++) pool.push({ id: (await createPersonWithRole(d(), tree, 'villager')).personId, staff: false });
  for (const role of ['cleaner', 'village_cadre', 'shopkeeper', 'township_staff'] as const)
    pool.push({ id: (await createPersonWithRole(d(), tree, role)).personId, staff: true });
  const former = (await createPersonWithRole(d(), tree, 'cleaner')).personId;
  await d()
    .update(roleAssignments)
    .set({ endedAt: new Date() })
    .where(and(eq(roleAssignments.personId, former), isNull(roleAssignments.endedAt)));
  pool.push({ id: former, staff: false });
});

type TRow = { subject: number; village: 0 | 1; total: number };

/** Rows of one board (kind, period) put in the table for `check`, then rolled back: no leftovers for points:reconcile. */
async function withRows(kind: TBoardKind, rows: TRow[], check: (tx: Db, period: string) => Promise<void>) {
  const period = `t-${randomUUID().slice(0, 8)}`;
  await d()
    .transaction(async (tx) => {
      if (rows.length)
        await tx.insert(pointsTotals).values(
          rows.map((r) => ({
            kind,
            subjectId: pool[r.subject].id,
            period,
            villageId: tree.villages[r.village].id,
            townshipId: tree.townshipId,
            total: r.total,
          })),
        );
      await check(tx as unknown as Db, period);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
}

/** One row per subject (the table's key), each in village 0 or 1, totals from -2..4 so ties abound. */
const boardRows = fc.uniqueArray(fc.record({ subject: fc.nat({ max: 12 }), village: fc.constantFrom<0 | 1>(0, 1), total: fc.integer({ min: -2, max: 4 }) }), {
  selector: (r) => r.subject,
  minLength: 0,
  maxLength: 13,
});

function bruteRank(rows: TRow[], inScope: (r: TRow) => boolean, leaveOut: boolean, total: number) {
  return 1 + rows.filter((r) => inScope(r) && !(leaveOut && pool[r.subject].staff) && r.total > total).length;
}

describe('leaderboard rank (countAbove + 1)', () => {
  it('equals a brute-force competition rank over random tied totals, with and without 工作人员 left off', async () => {
    await fc.assert(
      fc.asyncProperty(boardRows, fc.constantFrom<TBoardKind>('person', 'household'), fc.boolean(), async (rows, kind, township) => {
        const scope: TBoardScope = township ? { townshipId: tree.townshipId } : { villageId: tree.villages[0].id };
        const inScope = (r: TRow) => township || r.village === 0;
        const except: readonly TRole[] = kind === 'person' ? STAFF_ROLES : [];
        await withRows(kind, rows, async (tx, period) => {
          // every total on the board, the ones between and beyond them (someone with no row ranks at 0)
          for (let total = -3; total <= 5; total++) {
            const got = (await countAbove(tx, scope, kind, period, total, except)) + 1;
            expect({ total, rank: got }).toEqual({ total, rank: bruteRank(rows, inScope, except.length > 0, total) });
          }
          // the board's own "me": total and rank in one statement, for every subject on the board
          for (const r of rows.filter((x) => !(except.length && pool[x.subject].staff))) {
            const got = await findStanding(tx, scope, kind, period, pool[r.subject].id, except);
            expect({ subject: r.subject, ...got }).toEqual({ subject: r.subject, total: r.total, rank: bruteRank(rows, inScope, except.length > 0, r.total) });
          }
          expect(await findStanding(tx, scope, kind, period, randomUUID(), except)).toBeNull();
        });
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it('agrees with the ranks of the top of the board, ties sharing the rank of the first of them', async () => {
    await fc.assert(
      fc.asyncProperty(boardRows, async (rows) => {
        const scope = { villageId: tree.villages[0].id };
        await withRows('person', rows, async (tx, period) => {
          const top = await topTotals(tx, scope, 'person', period, 50, STAFF_ROLES);
          const expected = rows
            .filter((r) => r.village === 0 && !pool[r.subject].staff)
            .sort((a, b) => b.total - a.total || (pool[a.subject].id < pool[b.subject].id ? -1 : 1));
          expect(top.map((t) => t.subjectId)).toEqual(expected.map((r) => pool[r.subject].id));
          for (const [i, t] of top.entries()) {
            const firstOfTie = top.findIndex((u) => u.total === t.total);
            expect((await countAbove(tx, scope, 'person', period, t.total, STAFF_ROLES)) + 1).toBe(firstOfTie + 1);
            expect(firstOfTie).toBeLessThanOrEqual(i);
          }
        });
      }),
      { numRuns: 25, seed: 16 },
    );
  });
});
