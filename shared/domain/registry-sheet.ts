/**
 * 信息采集表: the one spreadsheet layout of the household registry, for the template, the export
 * and the import (an exported file re-imports unchanged). One row per person; a household is
 * its 院落 + 户号. 人员编号 (the person's id, filled by the export) updates that person; a row
 * without it adds a person. Pure: the cells in, a checked row or Chinese errors out.
 */
import { isPlaceholderName } from './person-name';
import { toE164 } from './sms';

export const REGISTRY_FLAGS = ['elderly', 'livesAlone', 'needsCare', 'isPartyMember', 'absentForWork'] as const;
export type TRegistryFlag = (typeof REGISTRY_FLAGS)[number];

export const REGISTRY_FLAG_LABELS: Record<TRegistryFlag, string> = {
  elderly: '老人',
  livesAlone: '独居',
  needsCare: '需照护',
  isPartyMember: '党员',
  absentForWork: '外出务工',
};

export type TRegistryRow = {
  /** null: a new person */
  personId: string | null;
  courtyard: string;
  household: string;
  name: string;
  relation: string | null;
  phone: string | null;
} & Record<TRegistryFlag, boolean>;

type TColumn = { key: keyof TRegistryRow; header: string; required: boolean; note: string };

/** The columns, in the order the template and the export write them. */
export const REGISTRY_COLUMNS: readonly TColumn[] = [
  { key: 'personId', header: '人员编号', required: false, note: '导出时填写，新增人员留空' },
  { key: 'courtyard', header: '院落', required: true, note: '本村已有的院落名称' },
  { key: 'household', header: '户号', required: true, note: '门牌号或户名，同一院落内唯一' },
  { key: 'name', header: '姓名', required: true, note: '不超过20个字' },
  { key: 'relation', header: '与户主关系', required: false, note: '如：户主、配偶、子女' },
  { key: 'phone', header: '手机号', required: false, note: '11位手机号，可留空' },
  ...REGISTRY_FLAGS.map((k) => ({ key: k, header: REGISTRY_FLAG_LABELS[k], required: false, note: '填「是」或留空' })),
];

export type TSheetIssue = { line: number; column: string | null; message: string };

/** Each column at its REGISTRY_COLUMNS position: the layout of a row's cells as the import sends them. */
export const COLUMN_ORDER: ReadonlyMap<keyof TRegistryRow, number> = new Map(REGISTRY_COLUMNS.map((c, i) => [c.key, i]));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YES = new Set(['是', '√', '✓', 'y', 'yes', 'true', '1']);
const NO = new Set(['', '否', '×', 'n', 'no', 'false', '0']);

/** The header row → each column's position; errors for a required column that is missing or a column named twice. */
export function readHeader(cells: readonly unknown[]): { at: Map<keyof TRegistryRow, number> } | { issues: TSheetIssue[] } {
  const at = new Map<keyof TRegistryRow, number>();
  const issues: TSheetIssue[] = [];
  cells.forEach((c, i) => {
    const col = REGISTRY_COLUMNS.find((x) => x.header === cellText(c));
    if (!col) return;
    if (at.has(col.key)) issues.push({ line: 1, column: col.header, message: `表头「${col.header}」出现了两次` });
    at.set(col.key, i);
  });
  for (const col of REGISTRY_COLUMNS)
    if (col.required && !at.has(col.key)) issues.push({ line: 1, column: col.header, message: `缺少「${col.header}」列，请使用下载的模板` });
  return issues.length ? { issues } : { at };
}

/**
 * One data row (1-based `line` as the spreadsheet shows it) → the checked row, or every problem
 * it has. A row whose cells are all empty is `null` (skipped).
 */
export function readRow(
  cells: readonly unknown[],
  at: ReadonlyMap<keyof TRegistryRow, number>,
  line: number,
): { row: TRegistryRow } | { issues: TSheetIssue[] } | null {
  const get = (k: keyof TRegistryRow) => {
    const i = at.get(k);
    return i === undefined ? '' : cellText(cells[i]);
  };
  if (REGISTRY_COLUMNS.every((c) => get(c.key) === '')) return null;
  const issues: TSheetIssue[] = [];
  const bad = (k: keyof TRegistryRow, message: string) => issues.push({ line, column: REGISTRY_COLUMNS.find((c) => c.key === k)!.header, message });

  const personId = get('personId');
  if (personId && !UUID.test(personId)) bad('personId', '人员编号无效：请保留导出时的编号，新增人员留空');
  const courtyard = get('courtyard');
  if (!courtyard) bad('courtyard', '请填写院落');
  const household = get('household');
  if (!household) bad('household', '请填写户号');
  else if ([...household].length > 40) bad('household', '户号不超过40个字');
  const name = get('name');
  if (!name) bad('name', '请填写姓名');
  else if ([...name].length > 20) bad('name', '姓名不超过20个字');
  else if (isPlaceholderName(name)) bad('name', '请填写真实姓名，不能用「微信用户」');
  const relation = get('relation');
  if ([...relation].length > 10) bad('relation', '与户主关系不超过10个字');
  // full-width digits and signs (typed with a Chinese input method) read as the ASCII ones
  const rawPhone = get('phone').normalize('NFKC');
  const phone = rawPhone ? (toE164(rawPhone)?.slice(3) ?? null) : null;
  if (rawPhone && !phone) bad('phone', '手机号应为11位手机号码');

  const flags = {} as Record<TRegistryFlag, boolean>;
  for (const k of REGISTRY_FLAGS) {
    const v = get(k).normalize('NFKC').toLowerCase();
    if (YES.has(v)) flags[k] = true;
    else if (NO.has(v)) flags[k] = false;
    else bad(k, `「${REGISTRY_FLAG_LABELS[k]}」请填「是」或留空`);
  }
  if (issues.length) return { issues };
  return { row: { personId: personId ? personId.toLowerCase() : null, courtyard, household, name, relation: relation || null, phone, ...flags } };
}

/** A row as the export writes it, in REGISTRY_COLUMNS order (flags as 是 or empty). */
export function writeRow(row: TRegistryRow): string[] {
  return REGISTRY_COLUMNS.map((c) => {
    const v = row[c.key];
    if (typeof v === 'boolean') return v ? '是' : '';
    return v ?? '';
  });
}

/**
 * A cell's text (exceljs cell values): numbers as written (a phone stored as a number), rich
 * text joined, a link's text, a formula's result, a date as YYYY-MM-DD, an error cell or a
 * formula never calculated as empty; trimmed.
 */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    if (o.error !== undefined || o.formula !== undefined) return '';
  }
  return String(cell).trim();
}
