import ExcelJS from 'exceljs';
import { allRegistry, type TRegistryScope } from '../../../db/queries/registry';
import type { TRegistryFilters } from '../../../shared/contracts/registry';
import { REGISTRY_COLUMNS, writeRow } from '../../../shared/domain/registry-sheet';
import type { TSignedInContext } from '../context';
import { registryWhere } from './registry-where';
import { toRegistryPerson, toRegistryRow } from './to-registry-person';

type TFile = { filename: string; contentType: string; base64: string };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 导出信息采集表: the people matching the filters, in the 信息采集表 layout (人员编号 filled, so
 * the file re-imports unchanged), as XLSX or as CSV with a UTF-8 BOM (Excel then reads Chinese).
 */
export async function exportRegistry(ctx: TSignedInContext, scope: TRegistryScope, query: TRegistryFilters & { format: 'xlsx' | 'csv' }): Promise<TFile> {
  const rows = (await allRegistry(ctx.db, registryWhere(scope, query))).map((r) => writeRow(toRegistryRow(toRegistryPerson(r))));
  const header = REGISTRY_COLUMNS.map((c) => c.header);
  const day = new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const filename = `信息采集表-${day}.${query.format}`;
  if (query.format === 'csv') {
    const text = '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    return { filename, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('信息采集表');
  sheet.columns = REGISTRY_COLUMNS.map((c) => ({ header: c.header, width: c.key === 'personId' ? 38 : 12, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  const buf = Buffer.from(await book.xlsx.writeBuffer());
  return { filename, contentType: XLSX, base64: buf.toString('base64') };
}

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ made text (no formula injection). */
function csvCell(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
