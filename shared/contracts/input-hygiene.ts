import type { TFieldIssue } from '../errors';

/**
 * How deep a request's JSON may nest (objects and arrays, the top level counting as 1). Our
 * deepest contract (信息采集: body → members → member) needs 3 and WeChat's push 3; 32 leaves
 * room for growth while keeping recursive code (zod, canonical JSON for Idempotency-Key) far
 * from the stack limit that 500 000 brackets in a 1 MB body would hit.
 */
export const MAX_INPUT_DEPTH = 32;

/** At most this many issues per request: a body of 10 000 bad strings needs no 10 000-line answer. */
const MAX_ISSUES = 10;

export const UNREADABLE_TEXT = '含有无法识别的字符';
export const UNREADABLE_KEY = '字段名含有无法识别的字符';
export const TOO_DEEP = '内容层级过深';

/**
 * Characters no person types and no field of ours needs: C0 controls except tab, LF and CR;
 * DEL; lone surrogates (cannot be stored as UTF-8: Postgres refuses, drivers mangle); and the
 * Unicode non-characters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane. NUL is the
 * notorious one: Postgres text cannot hold it at all. Right-to-left marks, emoji and rare
 * CJK (surrogate pairs) are real text and pass. With the `u` flag a paired surrogate is one
 * code point, so `\p{Cs}` matches only the lone ones (no need for String#isWellFormed, which
 * older WeChat JavaScript engines lack).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNREADABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** 无法识别的字符: true when `s` holds a character that no request may carry. */
export function hasUnreadableChars(s: string): boolean {
  return UNREADABLE.test(s);
}

/**
 * 输入卫生: walks every string (at any depth) and object key of a request part — params,
 * query or body — and names the fields holding unreadable characters or nested deeper than
 * MAX_INPUT_DEPTH. Issues carry the field path and a Chinese message, never the value (nor
 * a bad key). Iterative, so a hostile depth cannot overflow the stack.
 */
export function checkInput(where: string, value: unknown): TFieldIssue[] {
  const issues: TFieldIssue[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: where, depth: 0 }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (hasUnreadableChars(v)) issues.push({ path, message: UNREADABLE_TEXT });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > MAX_INPUT_DEPTH) {
      issues.push({ path, message: TOO_DEEP });
      continue;
    }
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    let badKey = false;
    // reversed so that issues come out in document order
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i];
      if (hasUnreadableChars(k)) badKey = true;
      else stack.push({ v: x, path: `${path}.${k}`, depth: depth + 1 });
    }
    if (badKey) issues.push({ path, message: UNREADABLE_KEY });
  }
  return issues;
}
