import { sql } from 'drizzle-orm';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import type { TSignedInContext } from '../../functions/services/context';
import { closeBinReport } from '../../functions/services/bins/close-bin-report';
import { reportBin } from '../../functions/services/bins/report-bin';
import { useTestDb } from '../helpers/db';
import { personCtx } from '../helpers/work';
import { testDbKind } from '../helpers/test-db-config';

const onServer = testDbKind() === 'server';
if (!onServer) console.warn('⚠ bin scan vs. close race test SKIPPED: it needs the PostgreSQL server (TEST_DB=server with DATABASE_URL)');
const describeOnServer = onServer ? describe : describe.skip;

/**
 * A scan reads the bin's open report once (after trying to open one). If a cleaner's
 * confirmation closes that report in between, the scan must open a new one, never fail.
 */
const db = useTestDb();
const d = () => db.handle().db;
let tree: TOrgTree;
const ctxOf = (personId: string): TSignedInContext => personCtx(d(), personId, { dbKind: 'postgres' });

describeOnServer('a scan racing a cleaner closing the report', () => {
  beforeAll(async () => {
    tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  });

  it('always ends in an open report holding the scan, one open report per bin', async () => {
    const cleaner = (await createPersonWithRole(d(), tree, 'cleaner')).personId;
    const bin = await createBin(d(), tree, [cleaner]);
    for (let round = 0; round < 25; round++) {
      const first = (await createPersonWithRole(d(), tree, 'villager')).personId;
      const opened = await reportBin(ctxOf(first), bin.code, 'full');
      const scanner = (await createPersonWithRole(d(), tree, 'villager')).personId;
      const [scan, close] = await Promise.allSettled([
        reportBin(ctxOf(scanner), bin.code, 'full'),
        closeBinReport(ctxOf(cleaner), opened.report.id, bin.code, 'cleaned'),
      ]);
      expect(close.status).toBe('fulfilled');
      expect(scan.status).toBe('fulfilled');
      const r = (scan as PromiseFulfilledResult<Awaited<ReturnType<typeof reportBin>>>).value;
      expect(r.report.state).toBe('open');
      // joined the report the cleaner was closing (before the close), or opened the next one
      expect(r.joined ? r.report.id === opened.report.id : r.report.id !== opened.report.id).toBe(true);
      const open = await d().execute(sql`select count(*)::int as n from bin_reports where bin_id = ${bin.id} and state = 'open'`);
      expect((open as unknown as { rows: { n: number }[] }).rows[0].n).toBe(r.joined ? 0 : 1);
      if (!r.joined) await closeBinReport(ctxOf(cleaner), r.report.id, bin.code, 'cleaned');
    }
  });
});
