import { eq, inArray } from 'drizzle-orm';
import { createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { adminLoginTickets, registryImportRows, registryImports } from '../../db/schema';
import { housekeep } from '../../functions/services/work/housekeep';
import { useTestDb } from '../helpers/db';

/**
 * Hourly housekeeping drops what the back office leaves behind once it is of no use: 扫码登录
 * tickets (they live two minutes), imports never committed (with their staged rows) and the
 * staged rows of committed ones — a day on — and keeps anything younger. Rows are dated in
 * the past here and the real wall clock is used, so other files' fresh rows on a shared
 * server database are never touched.
 */
const db = useTestDb();
const d = () => db.handle().db;

it('drops day-old 扫码登录 tickets and staged imports, keeps a committed import’s record and anything younger', async () => {
  const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  const cadre = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
  const ago = (h: number) => new Date(Date.now() - h * 3600_000);
  const tag = `hk${Date.now().toString(36)}`;
  await d()
    .insert(adminLoginTickets)
    .values([
      { id: `${tag}old`, secretHash: 'x', device: 'Chrome · Linux', createdAt: ago(30), expiresAt: ago(29.9) },
      { id: `${tag}new`, secretHash: 'x', device: 'Chrome · Linux', createdAt: ago(1), expiresAt: ago(0.9) },
    ]);
  const imp = (state: 'staging' | 'committed', hours: number) => ({
    villageId: tree.villages[0].id,
    townshipId: tree.townshipId,
    createdBy: cadre,
    fileName: `${tag}.xlsx`,
    state,
    createdAt: ago(hours),
  });
  const made = await d()
    .insert(registryImports)
    .values([imp('staging', 30), imp('committed', 30), imp('staging', 2), imp('committed', 2)])
    .returning({ id: registryImports.id });
  const [abandoned, committedOld, stagingNew, committedNew] = made.map((m) => m.id);
  for (const importId of made.map((m) => m.id))
    await d()
      .insert(registryImportRows)
      .values([1, 2, 3].map((line) => ({ importId, line: line + 1, cells: ['a'] })));

  const r = await housekeep({ db: d() });
  expect(r).not.toBeNull();
  expect(r!.tickets).toBeGreaterThanOrEqual(1);

  const tickets = await d()
    .select({ id: adminLoginTickets.id })
    .from(adminLoginTickets)
    .where(inArray(adminLoginTickets.id, [`${tag}old`, `${tag}new`]));
  expect(tickets.map((t) => t.id)).toEqual([`${tag}new`]);
  const imports = await d()
    .select({ id: registryImports.id })
    .from(registryImports)
    .where(eq(registryImports.fileName, `${tag}.xlsx`));
  expect(new Set(imports.map((i) => i.id))).toEqual(new Set([committedOld, stagingNew, committedNew]));
  const rowsOf = async (id: string) => (await d().select().from(registryImportRows).where(eq(registryImportRows.importId, id))).length;
  expect([await rowsOf(abandoned), await rowsOf(committedOld), await rowsOf(stagingNew), await rowsOf(committedNew)]).toEqual([0, 0, 3, 3]);
});
