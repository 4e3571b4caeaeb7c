import type { TRegistryPreview } from '../../../shared/contracts/registry-import';
import { COLUMN_ORDER, REGISTRY_COLUMNS, REGISTRY_FLAGS, readRow, type TRegistryRow, type TSheetIssue } from '../../../shared/domain/registry-sheet';
import { householdKey, type TPersonWrite, type TRegistryPerson } from '../../../db/queries/registry-import';

export type TVillageState = { courtyards: Map<string, string>; people: TRegistryPerson[]; households: Set<string> };

export type TImportPlan = {
  issues: TSheetIssue[];
  households: { courtyardId: string; label: string; courtyard: string }[];
  inserts: (TPersonWrite & { line: number; courtyard: string })[];
  updates: (TPersonWrite & { id: string; line: number; changes: { column: string; before: string; after: string }[] })[];
  unchanged: number;
  rows: number;
};

const SAMPLE = 20;
const ISSUES_LISTED = 500;
const HEADER = new Map(REGISTRY_COLUMNS.map((c) => [c.key, c.header]));

/**
 * The file against the village as it stands: each row read by the sheet's rules (readRow), then
 * the village's checks — the 院落 exists, a 人员编号 is one of the village's people, no person twice
 * in the file — and what would change. A row without 人员编号 whose household already has someone
 * of that name is that person (so importing the same filled-in template twice adds nobody twice).
 * Given a chunk it checks the chunk; given the whole file, the whole file.
 */
export function planImport(rows: readonly { line: number; cells: string[] }[], village: TVillageState): TImportPlan {
  const issues: TSheetIssue[] = [];
  const byId = new Map(village.people.map((p) => [p.id, p]));
  const byHouseholdName = new Map(village.people.map((p) => [personKey(p.courtyardId, p.household, p.name), p]));
  const seen = new Map<string, number>(); // a person (id or new household + name) → first line
  const newHouseholds = new Map<string, TImportPlan['households'][number]>();
  const plan: TImportPlan = { issues, households: [], inserts: [], updates: [], unchanged: 0, rows: 0 };

  for (const { line, cells } of rows) {
    const read = readRow(cells, COLUMN_ORDER, line);
    if (read === null) continue;
    plan.rows++;
    if ('issues' in read) {
      issues.push(...read.issues);
      continue;
    }
    const row = read.row;
    const courtyardId = village.courtyards.get(row.courtyard);
    if (!courtyardId) {
      issues.push({ line, column: HEADER.get('courtyard')!, message: `本村没有院落「${row.courtyard}」，请先在系统中添加院落或改正名称` });
      continue;
    }
    const existing = row.personId ? byId.get(row.personId) : byHouseholdName.get(personKey(courtyardId, row.household, row.name));
    if (row.personId && !existing) {
      issues.push({ line, column: HEADER.get('personId')!, message: '人员编号不是本村的人员，请保留导出时的编号，新增人员留空' });
      continue;
    }
    const who = existing ? existing.id : personKey(courtyardId, row.household, row.name);
    const first = seen.get(who);
    if (first !== undefined) {
      issues.push({
        line,
        column: existing && row.personId ? HEADER.get('personId')! : HEADER.get('name')!,
        message: `与第${first}行是同一个人，每人只能出现一次`,
      });
      continue;
    }
    seen.set(who, line);

    const write: TPersonWrite = { ...pick(row), id: existing?.id ?? null, courtyardId };
    const hk = householdKey(courtyardId, row.household);
    if (!village.households.has(hk) && !newHouseholds.has(hk)) newHouseholds.set(hk, { courtyardId, label: row.household, courtyard: row.courtyard });
    if (!existing) {
      plan.inserts.push({ ...write, line, courtyard: row.courtyard });
      continue;
    }
    const changes = diff(existing, row);
    if (changes.length) plan.updates.push({ ...write, id: existing.id, line, changes });
    else plan.unchanged++;
  }
  issues.sort((a, b) => a.line - b.line);
  plan.households = [...newHouseholds.values()];
  return plan;
}

export function toPreview(plan: TImportPlan): TRegistryPreview {
  return {
    rows: plan.rows,
    issues: plan.issues.slice(0, ISSUES_LISTED),
    issueCount: plan.issues.length,
    counts: { newHouseholds: plan.households.length, newPeople: plan.inserts.length, changedPeople: plan.updates.length, unchanged: plan.unchanged },
    sample: {
      newHouseholds: plan.households.slice(0, SAMPLE).map((h) => ({ courtyard: h.courtyard, household: h.label })),
      newPeople: plan.inserts.slice(0, SAMPLE).map((p) => ({ line: p.line, courtyard: p.courtyard, household: p.household, name: p.name })),
      changed: plan.updates.slice(0, SAMPLE).map((p) => ({ line: p.line, personId: p.id, name: p.name, changes: p.changes })),
    },
  };
}

const personKey = (courtyardId: string, household: string, name: string) => `${householdKey(courtyardId, household)}\u0000${name}`;

function pick(row: TRegistryRow): Omit<TPersonWrite, 'id' | 'courtyardId'> {
  const flags = Object.fromEntries(REGISTRY_FLAGS.map((k) => [k, row[k]])) as Pick<TRegistryRow, (typeof REGISTRY_FLAGS)[number]>;
  return { household: row.household, name: row.name, phone: row.phone, relation: row.relation, ...flags };
}

/** The fields that differ, as the sheet shows them (flags as 是 or empty). */
function diff(p: TRegistryPerson, row: TRegistryRow): { column: string; before: string; after: string }[] {
  const out: { column: string; before: string; after: string }[] = [];
  const show = (v: string | boolean | null) => (typeof v === 'boolean' ? (v ? '是' : '') : (v ?? ''));
  for (const c of REGISTRY_COLUMNS) {
    if (c.key === 'personId') continue;
    const before = show(p[c.key as keyof TRegistryPerson] as string | boolean | null);
    const after = show(row[c.key]);
    if (before !== after) out.push({ column: c.header, before, after });
  }
  return out;
}
