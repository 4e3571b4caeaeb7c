import { eq, sql } from 'drizzle-orm';
import { roleAssignments } from '../../db/schema';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { listVillageRegistry } from '../../db/queries/registry-import';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { registryRow, sheetLines, stageImport, type TCaller } from '../helpers/registry-import';

/**
 * Issue 15, 信息采集表导入 over HTTP: chunks, per-row errors with line numbers, preview, all or
 * nothing, re-import changes nothing, another village's import is refused. On a township of its own.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
const call: TCaller = (method, path, token, body) => api.call(method, path, { token, body });
let tree: TOrgTree;
let cadre: string;
let villageId: string;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  villageId = tree.villages[0].id;
  cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
});

async function peopleOf(village: string): Promise<{ id: string; name: string; phone: string | null; household: string; elderly: boolean }[]> {
  const r = await d().execute(sql`
    select p.id, p.name, p.phone, h.label as household, p.elderly from people p join households h on h.id = p.household_id
      join courtyards c on c.id = h.courtyard_id where c.village_id = ${village} order by p.name`);
  return (r as unknown as { rows: never[] }).rows;
}
async function auditCount(village: string): Promise<number> {
  const r = await d().execute(sql`select count(*)::int as n from audit_log where village_id = ${village} and action = 'registry.import'`);
  return (r as unknown as { rows: { n: number }[] }).rows[0].n;
}

const family = (household: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    registryRow({
      courtyard: '院落1-1',
      household,
      name: `${household}成员${i + 1}`,
      relation: i === 0 ? '户主' : '子女',
      phone: i === 0 ? '13900000001' : null,
      elderly: i === 0,
    }),
  );

describe('registry import', () => {
  it('answers every problem with its line and column, and one bad row rejects the whole file: nothing written', async () => {
    const before = await peopleOf(villageId);
    const rows = [
      ...family('A1', 3),
      registryRow({ courtyard: '不存在的院', household: 'A2', name: '王五' }), // line 5
      ['', '院落1-1', 'A3', '赵六', '', '12345', '', '', '', '', ''], // line 6: phone
      ['', '院落1-1', '', '', '', '', '也许', '', '', '', ''], // line 7: household, name, flag
      registryRow({ courtyard: '院落1-1', household: 'A1', name: 'A1成员1' }), // line 8: same person as line 2
      ['00000000-0000-4000-8000-000000000000', '院落1-1', 'A1', '钱七', '', '', '', '', '', '', ''], // line 9: unknown id
    ];
    const staged = await stageImport(call, villageId, cadre, sheetLines(rows), 4);
    expect(staged.chunkIssues.map((i) => i.line)).toEqual(expect.arrayContaining([5, 6, 7, 9]));
    expect(staged.preview.status).toBe(200);
    const issues = staged.preview.body.issues as { line: number; column: string; message: string }[];
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [5, '院落'],
      [6, '手机号'],
      [7, '户号'],
      [7, '姓名'],
      [7, '老人'],
      [8, '姓名'],
      [9, '人员编号'],
    ]);
    expect(issues[0].message).toContain('不存在的院');
    expect(issues[5].message).toContain('第2行');

    const commit = await staged.commit();
    expect(commit.status).toBe(422);
    expect(commit.body.error.code).toBe('REGISTRY_IMPORT_INVALID');
    expect(commit.body.error.message).toContain('第5行');
    expect(await peopleOf(villageId)).toEqual(before);
    expect(await auditCount(villageId)).toBe(0);
  });

  it('commits a good file in one go (households created, people added, one audit line); importing it again changes nothing', async () => {
    const rows = [...family('B1', 3), ...family('B2', 2), registryRow({ courtyard: '院落1-2', household: '1号', name: '李四', phone: '139 0000 0002' })];
    const first = await stageImport(call, villageId, cadre, sheetLines(rows), 2);
    expect(first.preview.body.issueCount).toBe(0);
    expect(first.preview.body.counts).toEqual({ newHouseholds: 2, newPeople: 6, changedPeople: 0, unchanged: 0 });
    expect(first.preview.body.sample.newHouseholds).toEqual([
      { courtyard: '院落1-1', household: 'B1' },
      { courtyard: '院落1-1', household: 'B2' },
    ]);
    const done = await first.commit();
    expect(done.status).toBe(200);
    expect(done.body.counts.newPeople).toBe(6);
    const people = await peopleOf(villageId);
    expect(people.filter((p) => p.name.startsWith('B')).map((p) => [p.name, p.household])).toEqual([
      ['B1成员1', 'B1'],
      ['B1成员2', 'B1'],
      ['B1成员3', 'B1'],
      ['B2成员1', 'B2'],
      ['B2成员2', 'B2'],
    ]);
    expect(people.find((p) => p.name === '李四')).toMatchObject({ household: '1号', phone: '13900000002' });
    expect(await auditCount(villageId)).toBe(1);
    expect((await first.commit()).status).toBe(409); // committed once

    const again = await stageImport(call, villageId, cadre, sheetLines(rows));
    expect(again.preview.body.counts).toEqual({ newHouseholds: 0, newPeople: 0, changedPeople: 0, unchanged: 6 });
    expect((await again.commit()).status).toBe(200);
    expect(await peopleOf(villageId)).toEqual(people);
  });

  it('by 人员编号 updates the person and the preview shows each field before → after', async () => {
    const b1 = (await peopleOf(villageId)).find((p) => p.name === 'B1成员2')!;
    const row = registryRow({
      personId: b1.id,
      courtyard: '院落1-1',
      household: 'B2',
      name: 'B1成员2',
      relation: '子女',
      phone: '13900000009',
      needsCare: true,
    });
    const staged = await stageImport(call, villageId, cadre, sheetLines([row]));
    expect(staged.preview.body.counts).toEqual({ newHouseholds: 0, newPeople: 0, changedPeople: 1, unchanged: 0 });
    expect(staged.preview.body.sample.changed[0].changes).toEqual([
      { column: '户号', before: 'B1', after: 'B2' },
      { column: '手机号', before: '', after: '13900000009' },
      { column: '需照护', before: '', after: '是' },
    ]);
    expect((await staged.commit()).status).toBe(200);
    expect((await peopleOf(villageId)).find((p) => p.id === b1.id)).toMatchObject({ household: 'B2', phone: '13900000009' });
  });

  it('a 村民 the file moves to another courtyard takes their villager grant along; the old one is ended', async () => {
    const b1 = (await peopleOf(villageId)).find((p) => p.name === 'B1成员1')!;
    const [c0, c1] = tree.villages[0].courtyards;
    await d()
      .insert(roleAssignments)
      .values({ personId: b1.id, role: 'villager', scopeType: 'courtyard', townshipId: tree.townshipId, villageId, courtyardId: c0.id });
    const row = registryRow({ personId: b1.id, courtyard: '院落1-2', household: 'M1', name: 'B1成员1', relation: '户主', phone: '13900000001', elderly: true });
    const staged = await stageImport(call, villageId, cadre, sheetLines([row]));
    expect(staged.preview.body.counts).toMatchObject({ newHouseholds: 1, changedPeople: 1 });
    expect((await staged.commit()).status).toBe(200);
    const grants = await d().select().from(roleAssignments).where(eq(roleAssignments.personId, b1.id)).orderBy(roleAssignments.createdAt);
    expect(grants.map((g) => [g.role, g.courtyardId, g.endedAt === null])).toEqual([
      ['villager', c0.id, false],
      ['villager', c1.id, true],
    ]);
  });

  it('round trip: the village written out by 人员编号 (as the export writes it) re-imports with nothing to change', async () => {
    // the 信息采集 export (branch registry) was not there yet: the same rows, written by writeRow from the registry query
    const registry = await listVillageRegistry(d(), villageId);
    expect(registry.length).toBeGreaterThan(5);
    const staged = await stageImport(call, villageId, cadre, sheetLines(registry.map((p) => registryRow({ ...p, personId: p.id }))));
    expect(staged.preview.body.issueCount).toBe(0);
    expect(staged.preview.body.counts).toEqual({ newHouseholds: 0, newPeople: 0, changedPeople: 0, unchanged: registry.length });
  });

  it('refuses another village’s import, a 人员编号 of another village, and a cadre of another village', async () => {
    const staged = await stageImport(call, villageId, cadre, sheetLines(family('C1', 1)));
    const otherVillage = tree.villages[1].id;
    const otherCadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId);
    // the other village's cadre, through their own village's path: not found
    expect((await call('GET', `/api/villages/${otherVillage}/registry/imports/${staged.id}/preview`, otherCadre)).status).toBe(404);
    expect((await call('POST', `/api/villages/${otherVillage}/registry/imports/${staged.id}/commit`, otherCadre)).status).toBe(404);
    expect(
      (await call('POST', `/api/villages/${otherVillage}/registry/imports/${staged.id}/rows`, otherCadre, { rows: sheetLines(family('C2', 1)) })).status,
    ).toBe(404);
    // and through this village's path: refused
    expect([403, 404]).toContain((await call('POST', `/api/villages/${villageId}/registry/imports/${staged.id}/commit`, otherCadre)).status);
    // a person of this village named in the other village's file
    const mine = (await peopleOf(villageId))[0];
    const other = await stageImport(
      call,
      otherVillage,
      otherCadre,
      sheetLines([registryRow({ personId: mine.id, courtyard: '院落2-1', household: '1号', name: mine.name })]),
    );
    expect(other.preview.body.issues).toEqual([{ line: 2, column: '人员编号', message: expect.stringContaining('不是本村') }]);
    // township staff may import into a village of the township
    const staff = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'township_staff')).personId);
    expect((await call('GET', `/api/villages/${villageId}/registry/imports/${staged.id}/preview`, staff)).status).toBe(200);
  });

  it('gives a template: the header row, an example row with one of the village’s courtyards, and notes', async () => {
    const res = await fetch(`${api.baseUrl()}/api/villages/${villageId}/registry/template`, { headers: { authorization: `Bearer ${cadre}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '人员编号',
      '院落',
      '户号',
      '姓名',
      '与户主关系',
      '手机号',
      '老人',
      '独居',
      '需照护',
      '党员',
      '外出务工',
    ]);
    expect(sheet.getRow(2).getCell(2).value).toMatch(/^院落1-/);
    expect(book.worksheets[1].name).toBe('填写说明');
  });
});
