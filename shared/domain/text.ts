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

/** 手机号 as people read it: "138 1234 5678"; anything not an 11-digit number is left as it is. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}
