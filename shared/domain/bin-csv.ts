/**
 * 垃圾桶批量导入: CSV lines `编号,纬度,经度,保洁员` (the cleaner by name or phone; optional).
 * A first line naming the columns is skipped. Fields may be quoted. Returns the rows, or the
 * line-numbered problems — an import is all or nothing.
 */
export type TBinCsvRow = { line: number; label: string; lat: number; lng: number; cleaner: string | null };

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"'; // an escaped quote inside a quoted field
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '，')) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

export function parseBinCsv(text: string): { rows: TBinCsvRow[]; errors: { line: number; message: string }[] } {
  const rows: TBinCsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (!raw.trim()) return;
      const [label = '', latS = '', lngS = '', cleaner = ''] = splitCsvLine(raw);
      if (line === 1 && Number.isNaN(Number(latS))) return; // header
      const lat = Number(latS);
      const lng = Number(lngS);
      if (!label || label.length > 20) errors.push({ line, message: '编号不能为空，且不超过20字' });
      else if (seen.has(label)) errors.push({ line, message: `编号「${label}」重复` });
      else if (!latS || !Number.isFinite(lat) || lat < -90 || lat > 90) errors.push({ line, message: '纬度无效' });
      else if (!lngS || !Number.isFinite(lng) || lng < -180 || lng > 180) errors.push({ line, message: '经度无效' });
      else rows.push({ line, label, lat, lng, cleaner: cleaner || null });
      seen.add(label);
    });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: '没有可导入的行' });
  return { rows, errors };
}
