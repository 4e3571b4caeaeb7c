import { eq } from 'drizzle-orm';
import { openDb, type DbHandle } from '../../db/client';
import { findScanTarget } from '../../db/queries/bins';
import { findLiveSessionWithGrants } from '../../db/queries/sessions';
import { bins } from '../../db/schema';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { hashSessionToken } from '../../functions/services/auth/session-token';
import { tokenFor } from '../helpers/api';
import { useTestDb } from '../helpers/db';
import { testDbKind } from '../helpers/test-db-config';

const db = useTestDb();
const d = () => db.handle().db;
let tree: TOrgTree;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
});

describe('queries built once (db/prepared.ts)', () => {
  it('fill new values each call and run on the connection of the transaction they are given', async () => {
    const person = (await createPersonWithRole(d(), tree, 'courtyard_head')).personId;
    const a = await createBin(d(), tree, []);
    const b = await createBin(d(), tree, []);
    expect((await findScanTarget(d(), a.code, person, new Date(0)))?.id).toBe(a.id);
    expect((await findScanTarget(d(), b.code, person, new Date(0)))?.id).toBe(b.id);
    const session = await findLiveSessionWithGrants(d(), hashSessionToken(await tokenFor(d(), person)), new Date());
    expect(session).toMatchObject({
      personId: person,
      grants: [expect.objectContaining({ role: 'courtyard_head', scopeType: 'courtyard', scopeName: expect.any(String) })],
    });
    await d()
      .transaction(async (tx) => {
        await tx.update(bins).set({ label: 'in-tx' }).where(eq(bins.id, a.id));
        // seen inside the transaction (its connection), not outside it (the pool) before commit
        expect((await findScanTarget(tx, a.code, person, new Date(0)))?.label).toBe('in-tx');
        if (db.handle().kind === 'postgres') expect((await findScanTarget(d(), a.code, person, new Date(0)))?.label).not.toBe('in-tx');
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
  });
});

const describeOnServer = testDbKind() === 'server' ? describe : describe.skip;
if (testDbKind() !== 'server') console.warn('⚠ named-statement check SKIPPED: it needs the PostgreSQL server (TEST_DB=server with DATABASE_URL)');

describeOnServer('behind PgBouncer in transaction mode (no named server-side statements)', () => {
  let one: DbHandle;
  beforeAll(async () => {
    one = await openDb({ url: process.env.DATABASE_URL, poolSize: 1 });
  });
  afterAll(() => one.close());
  const named = async () => {
    const r = await one.db.execute('select name from pg_prepared_statements');
    return (r as unknown as { rows: { name: string }[] }).rows.map((x) => x.name);
  };

  it('leaves no prepared statement on the server connection', async () => {
    const person = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const bin = await createBin(d(), tree, []);
    const token = hashSessionToken(await tokenFor(d(), person));
    for (let i = 0; i < 3; i++) {
      await findScanTarget(one.db, bin.code, person, new Date());
      await findLiveSessionWithGrants(one.db, token, new Date());
      await one.db.transaction((tx) => findScanTarget(tx, bin.code, person, new Date()));
    }
    expect(await named()).toEqual([]);
    // the check itself: drizzle's .prepare(name) would have left one (and broken behind PgBouncer)
    await one.db.select({ id: bins.id }).from(bins).limit(1).prepare('named_probe').execute();
    expect(await named()).toEqual(['named_probe']);
  });
});
