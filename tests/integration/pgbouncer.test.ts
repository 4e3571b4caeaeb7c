import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { openDb, type DbHandle } from '../../db/client';
import { testDbKind } from '../helpers/test-db-config';

const onServer = testDbKind() === 'server';
const throughBouncer = process.env.DB_POOLER === 'transaction';
if (!onServer) console.warn('⚠ PgBouncer tests SKIPPED: they need the PostgreSQL server (TEST_DB=server with DATABASE_URL)');
else if (!throughBouncer) console.warn('⚠ this server run is direct: TEST_PGBOUNCER=1 puts PgBouncer (transaction mode) in front (npm test does)');

const setting = async (db: Pick<DbHandle['db'], 'execute'>, name: 'statement_timeout' | 'idle_in_transaction_session_timeout'): Promise<string> => {
  const r = (await db.execute(sql.raw(`show ${name}`))) as unknown as { rows: Record<string, unknown>[] };
  return String(r.rows[0][name]);
};

(onServer ? describe : describe.skip)('the server database behind a transaction-mode pooler', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await openDb({ url: process.env.DATABASE_URL, poolSize: 2, pooler: 'transaction', statementTimeoutMs: 4321, idleInTransactionTimeoutMs: 8765 });
  });
  afterAll(() => h.close());

  it('carries the statement timeout and the transaction lease on every BEGIN, not in the connection', async () => {
    const inside = await h.db.transaction(async (tx) => [await setting(tx, 'statement_timeout'), await setting(tx, 'idle_in_transaction_session_timeout')]);
    expect(inside).toEqual(['4321ms', '8765ms']);
    // SET LOCAL ends with the transaction: nothing leaks to the next client of that server connection
    expect(await setting(h.db, 'statement_timeout')).not.toBe('4321ms');
  });

  (throughBouncer ? it : it.skip)('runs this suite through PgBouncer in transaction mode', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/pgbouncer';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      const pools = await admin.query<{ database: string; pool_mode: string }>('show pools'); // the console speaks only the simple protocol
      const mine = pools.rows.find((p) => p.database === new URL(process.env.DATABASE_URL!).pathname.slice(1));
      expect(mine?.pool_mode).toBe('transaction');
    } finally {
      await admin.end();
    }
  });
});
