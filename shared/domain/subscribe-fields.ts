import { clipText } from './text';

/**
 * 订阅消息字段限制: WeChat rejects a subscribe message (47003) whose field values break the
 * limits of their type, so values are reshaped on purpose, never left to chance:
 * thing ≤20 chars (cut with …), phrase ≤5 Chinese characters, name ≤10 chars,
 * character_string / number / letter ≤32 of their own alphabet, time/date in China time.
 */
export type TFieldKind = 'thing' | 'phrase' | 'name' | 'character_string' | 'number' | 'letter' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number';

const KINDS: TFieldKind[] = ['character_string', 'phone_number', 'car_number', 'thing', 'phrase', 'name', 'number', 'letter', 'time', 'date', 'amount'];

/** 'thing1' → 'thing', 'character_string12' → 'character_string'; null for unknown keys. */
export function fieldKind(key: string): TFieldKind | null {
  const base = key.replace(/\d+$/, '');
  return KINDS.find((k) => k === base) ?? null;
}

const cut = (s: string, max: number, ellipsis: boolean) => clipText(s, max, { ellipsis });

/** China Standard Time (UTC+8, no daylight saving) parts of an instant. */
function chinaParts(d: Date) {
  const t = new Date(d.getTime() + 8 * 3600e3);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`, time: `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}` };
}

/** Reshapes one value for a WeChat field key; never returns an empty string. */
export function shapeFieldValue(key: string, raw: string | number | null | undefined): string {
  const kind = fieldKind(key);
  const s = raw === null || raw === undefined ? '' : String(raw).replace(/\s+/g, ' ').trim();
  switch (kind) {
    case 'thing':
      return cut(s || '无', 20, true);
    case 'phrase': {
      const han = [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');
      return cut(han || '通知', 5, false);
    }
    case 'name':
      return cut(s || '村民', 10, false);
    case 'character_string':
      return cut(s.replace(/[^\x21-\x7e]/g, '') || '-', 32, false);
    case 'number':
      return cut(s.replace(/[^\d.]/g, '') || '0', 32, false);
    case 'letter':
      return cut(s.replace(/[^A-Za-z]/g, '') || 'X', 32, false);
    case 'time':
    case 'date': {
      const d = new Date(s);
      if (Number.isNaN(d.getTime())) return kind === 'time' ? '1970-01-01 08:00' : '1970-01-01';
      const { date, time } = chinaParts(d);
      return kind === 'time' ? `${date} ${time}` : date;
    }
    case 'amount': // integer fen → 元
      return `${(Number(s.replace(/[^\d-]/g, '')) / 100).toFixed(2)}元`;
    case 'phone_number':
      return cut(s.replace(/[^\d+-]/g, '') || '-', 17, false);
    case 'car_number':
      return cut(s || '-', 8, false);
    default:
      return cut(s || '-', 20, true);
  }
}

/** Builds subscribeMessage.send `data` from a field map {wechatKey: payloadKey} and a payload. */
export function buildSubscribeData(
  fields: Record<string, string>,
  payload: Record<string, string | number | null | undefined>,
): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(fields).map(([key, from]) => [key, { value: shapeFieldValue(key, payload[from]) }]));
}
