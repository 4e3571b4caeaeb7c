import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { auditLog, households, people, roleAssignments } from '../../db/schema';
import { REGISTRY_COLUMNS, REGISTRY_FLAGS, readHeader, readRow, type TRegistryFlag, type TRegistryRow } from '../../shared/domain/registry-sheet';
import type { TRegistryPerson } from '../../shared/contracts/registry';
import { toRegistryRow } from '../../functions/services/registry/to-registry-person';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi, type TApiResponse } from '../helpers/api';

/**
 * Issue 15, 信息采集: a place's people listed, searched, filtered, edited (with the 操作日志
 * line) and exported, over HTTP through the real routes, on a township of this file's own.
 * The expected people are computed here from the rows this file inserted, not by the query under test.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;

type TSeeded = { id: string; name: string; phone: string | null; label: string; courtyardId: string; villageId: string } & Record<TRegistryFlag, boolean>;
let tree: TOrgTree;
const seeded: TSeeded[] = [];
let cadre: string, otherCadre: string, head: string, staff: string;

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈'];
const GIVEN = ['伟', '芳', '秀英', '强', '静', '明', '建国', '桂兰'];

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  let n = 0;
  for (const [vi, v] of tree.villages.entries())
    for (const [ci, c] of v.courtyards.entries())
      for (let h = 1; h <= 3; h++) {
        const label = h === 1 ? '1号' : `${ci + 1}${h}号`;
        const [hh] = h === 1 ? [{ id: c.householdId }] : await d().insert(households).values({ courtyardId: c.id, label }).returning({ id: households.id });
        for (let k = 0; k < 3; k++, n++) {
          const flags = Object.fromEntries(REGISTRY_FLAGS.map((f, i) => [f, (n * 7 + i * 3) % (i + 2) === 0])) as Record<TRegistryFlag, boolean>;
          const name = SURNAMES[(n * 5) % SURNAMES.length] + GIVEN[(n * 3 + vi) % GIVEN.length];
          const phone = n % 4 === 3 ? null : `139${String(10_000_000 + n * 7919 + vi).slice(-8)}`;
          const [p] = await d()
            .insert(people)
            .values({ name, phone, householdId: hh.id, relation: k === 0 ? '户主' : '子女', ...flags })
            .returning({ id: people.id });
          seeded.push({ id: p.id, name, phone, label, courtyardId: c.id, villageId: v.id, ...flags });
        }
      }
  cadre = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
  otherCadre = (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId;
  head = (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 0 })).personId;
  staff = (await createPersonWithRole(d(), tree, 'township_staff')).personId;
});

/** Every page of a list, following nextCursor. */
async function all(path: string, who: string): Promise<TRegistryPerson[]> {
  const token = await tokenFor(d(), who);
  const out: TRegistryPerson[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: TApiResponse = await api.call('GET', `${path}${sep}limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('who sees which registry', () => {
  it('a cadre lists their village, heads their courtyard, township staff the township (with a village filter)', async () => {
    const v0 = tree.villages[0];
    expect(ids(await all(`/api/villages/${v0.id}/registry/people`, cadre))).toEqual(ids(seeded.filter((s) => s.villageId === v0.id)));
    const c0 = v0.courtyards[0].id;
    expect(ids(await all(`/api/courtyards/${c0}/registry/people`, head))).toEqual(ids(seeded.filter((s) => s.courtyardId === c0)));
    expect(ids(await all(`/api/townships/${tree.townshipId}/registry/people`, staff))).toEqual(ids(seeded));
    const v1 = tree.villages[1].id;
    expect(ids(await all(`/api/townships/${tree.townshipId}/registry/people?villageId=${v1}`, staff))).toEqual(ids(seeded.filter((s) => s.villageId === v1)));
  });

  it('another village’s cadre, a head over the whole village and a villager are refused; nobody edits outside their place', async () => {
    const v0 = tree.villages[0].id;
    const villager = seeded[0].id;
    for (const [who, path] of [
      [otherCadre, `/api/villages/${v0}/registry/people`],
      [otherCadre, `/api/villages/${v0}/registry/export?format=csv`],
      [head, `/api/villages/${v0}/registry/people`],
      [head, `/api/courtyards/${tree.villages[0].courtyards[1].id}/registry/people`],
      [villager, `/api/courtyards/${tree.villages[0].courtyards[0].id}/registry/people`],
      [cadre, `/api/townships/${tree.townshipId}/registry/people`],
    ]) {
      const res = await api.call('GET', path, { token: await tokenFor(d(), who) });
      expect([path, [403, 404].includes(res.status)]).toEqual([path, true]);
    }
    const res = await api.call('PATCH', `/api/people/${seeded[0].id}/registry`, { token: await tokenFor(d(), otherCadre), body: { phone: '13700000000' } });
    expect([403, 404]).toContain(res.status);
    const [row] = await d().select({ phone: people.phone }).from(people).where(eq(people.id, seeded[0].id));
    expect(row.phone).toBe(seeded[0].phone);
  });

  it('shows staff the whole number (they phone people and correct it)', async () => {
    const list = await all(`/api/villages/${tree.villages[0].id}/registry/people`, cadre);
    const withPhone = seeded.find((s) => s.villageId === tree.villages[0].id && s.phone)!;
    expect(list.find((p) => p.id === withPhone.id)!.phone).toBe(withPhone.phone);
  });
});

describe('search and filters', () => {
  const cases: [string, (s: TSeeded) => boolean][] = [
    ['q=张', (s) => s.name.includes('张')],
    ['q=秀英', (s) => s.name.includes('秀英')],
    ['q=12号', (s) => s.label.includes('12号')],
    ['elderly=true', (s) => s.elderly],
    ['livesAlone=true&needsCare=false', (s) => s.livesAlone && !s.needsCare],
    ['isPartyMember=true', (s) => s.isPartyMember],
    ['absentForWork=true', (s) => s.absentForWork],
    ['q=王&elderly=false', (s) => s.name.includes('王') && !s.elderly],
  ];
  it.each(cases)('%s returns exactly the matching people of the village', async (qs, match) => {
    const v0 = tree.villages[0].id;
    const expected = seeded.filter((s) => s.villageId === v0 && match(s));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await all(`/api/villages/${v0}/registry/people?${encodeURI(qs)}`, cadre))).toEqual(ids(expected));
  });

  it('finds by phone digits, and by courtyard', async () => {
    const v0 = tree.villages[0];
    const target = seeded.find((s) => s.villageId === v0.id && s.phone)!;
    const digits = target.phone!.slice(-5);
    const found = await all(`/api/villages/${v0.id}/registry/people?q=${digits}`, cadre);
    expect(ids(found)).toEqual(ids(seeded.filter((s) => s.villageId === v0.id && (s.phone?.includes(digits) || s.label.includes(digits)))));
    expect(found.map((p) => p.id)).toContain(target.id);
    const c1 = v0.courtyards[1].id;
    expect(ids(await all(`/api/villages/${v0.id}/registry/people?courtyardId=${c1}&elderly=true`, cadre))).toEqual(
      ids(seeded.filter((s) => s.courtyardId === c1 && s.elderly)),
    );
  });

  it('takes % and _ in a search literally', async () => {
    expect(await all(`/api/villages/${tree.villages[0].id}/registry/people?q=${encodeURIComponent('%')}`, cadre)).toEqual([]);
    expect(await all(`/api/villages/${tree.villages[0].id}/registry/people?q=_`, cadre)).toEqual([]);
  });
});

describe('editing', () => {
  it('saves the changed fields and writes one 操作日志 row with only those, before and after', async () => {
    const p = seeded.find((s) => s.villageId === tree.villages[0].id && !s.livesAlone)!;
    const token = await tokenFor(d(), cadre);
    const res = await api.call('PATCH', `/api/people/${p.id}/registry`, {
      token,
      body: { phone: '13612345678', livesAlone: true, elderly: p.elderly, name: p.name },
    });
    expect(res.status).toBe(200);
    expect({ phone: res.body.phone, livesAlone: res.body.livesAlone }).toEqual({ phone: '13612345678', livesAlone: true });
    const [row] = await d().select().from(people).where(eq(people.id, p.id));
    expect({ phone: row.phone, livesAlone: row.livesAlone }).toEqual({ phone: '13612345678', livesAlone: true });
    const audit = await d().select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: cadre,
      action: 'person.update',
      entityType: 'person',
      townshipId: tree.townshipId,
      villageId: tree.villages[0].id,
      before: { phone: p.phone, livesAlone: false },
      after: { phone: '13612345678', livesAlone: true },
      summary: `修改 ${p.name}：手机号、独居`,
    });
    // nothing changed: no new row
    const again = await api.call('PATCH', `/api/people/${p.id}/registry`, { token, body: { phone: '13612345678' } });
    expect(again.status).toBe(200);
    expect(await d().select().from(auditLog).where(eq(auditLog.entityId, p.id))).toHaveLength(1);
    p.phone = '13612345678';
    p.livesAlone = true;
  });

  it('moves a person to a new household of another courtyard of the village, creating it', async () => {
    const v0 = tree.villages[0];
    const p = seeded.find((s) => s.courtyardId === v0.courtyards[0].id)!;
    // they joined through the mini-program: 村民 of courtyard 0
    await d()
      .insert(roleAssignments)
      .values({ personId: p.id, role: 'villager', scopeType: 'courtyard', townshipId: tree.townshipId, villageId: v0.id, courtyardId: v0.courtyards[0].id });
    const res = await api.call('PATCH', `/api/people/${p.id}/registry`, {
      token: await tokenFor(d(), cadre),
      body: { household: { courtyardId: v0.courtyards[1].id, label: '新9号' } },
    });
    expect(res.status).toBe(200);
    expect([res.body.courtyard.id, res.body.household.label]).toEqual([v0.courtyards[1].id, '新9号']);
    const [h] = await d().select().from(households).where(eq(households.id, res.body.household.id));
    expect([h.courtyardId, h.label]).toEqual([v0.courtyards[1].id, '新9号']);
    const [a] = await d().select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(a.summary).toBe(`修改 ${p.name}：所在户`);
    expect(a.after).toEqual({ household: { id: h.id, courtyard: '院落1-2', label: '新9号' } });
    // their villager grant moved with them; the old one is ended, not lost
    const grants = await d().select().from(roleAssignments).where(eq(roleAssignments.personId, p.id)).orderBy(roleAssignments.createdAt);
    expect(grants.map((g) => [g.role, g.courtyardId, g.endedAt === null, g.grantedBy])).toEqual([
      ['villager', v0.courtyards[0].id, false, null],
      ['villager', v0.courtyards[1].id, true, cadre],
    ]);
    Object.assign(p, { courtyardId: v0.courtyards[1].id, label: '新9号' });
  });

  it('refuses a courtyard of another village, a head moving someone out of their courtyard, and a bad phone, changing nothing', async () => {
    const v0 = tree.villages[0];
    const p = seeded.filter((s) => s.courtyardId === v0.courtyards[0].id).at(-1)!;
    const outside = await api.call('PATCH', `/api/people/${p.id}/registry`, {
      token: await tokenFor(d(), cadre),
      body: { household: { courtyardId: tree.villages[1].courtyards[0].id, label: '1号' } },
    });
    expect([outside.status, outside.body.error.code]).toEqual([409, 'REGISTRY_COURTYARD_OUTSIDE']);
    const byHead = await api.call('PATCH', `/api/people/${p.id}/registry`, {
      token: await tokenFor(d(), head),
      body: { household: { courtyardId: v0.courtyards[1].id, label: '1号' } },
    });
    expect(byHead.status).toBe(403);
    const badPhone = await api.call('PATCH', `/api/people/${p.id}/registry`, { token: await tokenFor(d(), cadre), body: { phone: '12345' } });
    expect(badPhone.status).toBe(400);
    expect(await d().select().from(auditLog).where(eq(auditLog.entityId, p.id))).toHaveLength(0);
  });

  it('renames a household with its 操作日志 row; a label taken in the courtyard is refused', async () => {
    const c = tree.villages[0].courtyards[0];
    const token = await tokenFor(d(), head);
    const res = await api.call('PATCH', `/api/households/${c.householdId}`, { token, body: { label: '东1号' } });
    expect([res.status, res.body.label]).toEqual([200, '东1号']);
    const [a] = await d().select().from(auditLog).where(eq(auditLog.entityId, c.householdId));
    expect(a).toMatchObject({ action: 'household.rename', entityType: 'household', before: { label: '1号' }, after: { label: '东1号' } });
    const taken = await api.call('PATCH', `/api/households/${c.householdId}`, { token, body: { label: '12号' } });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'HOUSEHOLD_LABEL_TAKEN']);
    for (const s of seeded) if (s.courtyardId === c.id && s.label === '1号') s.label = '东1号';
  });
});

describe('export', () => {
  async function download(path: string, who: string) {
    const res = await fetch(api.baseUrl() + path, { headers: { authorization: `Bearer ${await tokenFor(d(), who)}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }
  /** The list as the sheet's rows, keyed by 人员编号. */
  async function listedRows(qs: string): Promise<TRegistryRow[]> {
    const list = await all(`/api/villages/${tree.villages[0].id}/registry/people?${qs}`, cadre);
    return list.map(toRegistryRow).sort((a, b) => a.personId!.localeCompare(b.personId!));
  }
  const read = (cells: unknown[][]): TRegistryRow[] => {
    const h = readHeader(cells[0]);
    if (!('at' in h)) throw new Error(JSON.stringify(h.issues));
    return cells
      .slice(1)
      .map((c, i) => readRow(c, h.at, i + 2))
      .map((r) => {
        if (!r || !('row' in r)) throw new Error(JSON.stringify(r));
        return r.row;
      })
      .sort((a, b) => a.personId!.localeCompare(b.personId!));
  };

  it('writes the filtered list as XLSX in the 信息采集表 columns, named in Chinese', async () => {
    const res = await download(`/api/villages/${tree.villages[0].id}/registry/export?format=xlsx&elderly=true`, cadre);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const cd = res.headers.get('content-disposition')!;
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(cd)![1])).toMatch(/^信息采集表-\d{4}-\d\d-\d\d\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const cells: unknown[][] = [];
    book.worksheets[0].eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells[0]).toEqual(REGISTRY_COLUMNS.map((c) => c.header));
    const rows = read(cells);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await listedRows('elderly=true'));
  });

  it('writes CSV with a UTF-8 BOM, the same rows', async () => {
    const res = await download(`/api/villages/${tree.villages[0].id}/registry/export?format=csv&q=${encodeURIComponent('李')}`, cadre);
    expect(res.status).toBe(200);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = res.bytes.toString('utf8').slice(1).trim().split('\r\n');
    const rows = read(lines.map((l) => l.split(',')));
    expect(rows).toEqual(await listedRows(`q=${encodeURIComponent('李')}`));
  });
});
