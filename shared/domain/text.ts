/**
 * 截断: the first `max` characters of `s`, ending in … when something was cut (the … counts
 * towards `max`). Characters are code points, never UTF-16 units: cutting an emoji or a rare
 * CJK character (a surrogate pair) in half leaves a lone surrogate, which Postgres refuses to
 * store in a jsonb payload — a notification summary cut that way failed the whole request.
 */
export function clipText(s: string, max: number, opts: { ellipsis?: boolean } = {}): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return opts.ellipsis === false ? chars.slice(0, max).join('') : chars.slice(0, max - 1).join('') + '…';
}

/**
 * 住址: village, courtyard and the household's label as one line, each said once. Household
 * labels are often written with the courtyard in them (「桂花院2号」), so a label that already
 * starts with the courtyard (or a courtyard with the village) is not prefixed again.
 */
export function homeAddress(parts: { village: string; courtyard: string; label: string | null }): string {
  let out = '';
  let prev = '';
  for (const part of [parts.village, parts.courtyard, parts.label ?? '']) {
    const p = part.trim();
    if (!p || out.endsWith(p)) continue;
    if (out && p.startsWith(out))
      out = p; // the part already says everything before it
    else if (prev && p.startsWith(prev))
      out = out.slice(0, out.length - prev.length) + p; // 「桂花院」+「桂花院2号」
    else out += p;
    prev = p;
  }
  return out;
}

/** 手机号 as people read it: "138 1234 5678"; anything not an 11-digit number is left as it is. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}
