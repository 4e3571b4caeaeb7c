import { REGISTRY_CHUNK_MAX_ROWS } from '../../shared/contracts/registry-import';
import { REGISTRY_COLUMNS, writeRow, type TRegistryRow } from '../../shared/domain/registry-sheet';

/** How a helper calls the API: method, path, token, body → status and JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TCaller = (method: string, path: string, token: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** A registry row with defaults (a new person, no flags). */
export function registryRow(r: Partial<TRegistryRow> & Pick<TRegistryRow, 'courtyard' | 'household' | 'name'>): TRegistryRow {
  return { personId: null, relation: null, phone: null, elderly: false, livesAlone: false, needsCare: false, isPartyMember: false, absentForWork: false, ...r };
}

/** Sheet rows (line 2 on, as under a header) in the import's cell layout. */
export function sheetLines(rows: readonly (TRegistryRow | string[])[]): { line: number; cells: string[] }[] {
  return rows.map((r, i) => ({ line: i + 2, cells: Array.isArray(r) ? r : writeRow(r) }));
}

/** The browser's path: start, upload in chunks (`parallel` at a time), preview; returns the import id, the chunk answers and the preview. */
export async function stageImport(
  call: TCaller,
  villageId: string,
  token: string,
  lines: { line: number; cells: string[] }[],
  chunk = REGISTRY_CHUNK_MAX_ROWS,
  parallel = 1,
) {
  const base = `/api/villages/${villageId}/registry/imports`;
  const start = await call('POST', base, token, { fileName: '信息采集表.xlsx' });
  if (start.status !== 201) throw new Error(`start ${start.status} ${JSON.stringify(start.body)}`);
  const id = start.body.id as string;
  const chunkIssues: { line: number; column: string | null; message: string }[] = [];
  const chunks: { line: number; cells: string[] }[][] = [];
  for (let i = 0; i < lines.length; i += chunk) chunks.push(lines.slice(i, i + chunk));
  const send = async (): Promise<void> => {
    for (let c = chunks.shift(); c; c = chunks.shift()) {
      const res = await call('POST', `${base}/${id}/rows`, token, { rows: c });
      if (res.status !== 200) throw new Error(`rows ${res.status} ${JSON.stringify(res.body)}`);
      chunkIssues.push(...res.body.issues);
    }
  };
  await Promise.all(Array.from({ length: parallel }, send));
  const preview = await call('GET', `${base}/${id}/preview`, token);
  return { id, chunkIssues, preview, commit: () => call('POST', `${base}/${id}/commit`, token) };
}

export const COLUMN_COUNT = REGISTRY_COLUMNS.length;
