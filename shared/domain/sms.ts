/**
 * 短信 (Tencent Cloud SMS) rules that need no network: which number a text goes to and what its
 * template variables say.
 */

/**
 * 手机号 → E.164, as SendSms wants it: a mainland mobile (11 digits, 1[3-9]…, with or without
 * 86 / +86 / 0086, spaces or dashes) becomes +86…; a number already in international form
 * (+ and 7–15 digits) stays. Anything else — a landline, a typo — is null: no SMS can reach it.
 */
export function toE164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const s = phone.replace(/[\s-]/g, '');
  const mainland = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(s);
  if (mainland) return `+86${mainland[1]}`;
  if (/^\+86/.test(s)) return null; // +86 but not a mobile: a landline cannot take a text
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
}

/** Tencent refuses a template variable longer than 12 characters on accounts without the enterprise quota. */
export const SMS_PARAM_MAX = 12;

/**
 * 短信模板参数: the payload values named by the template's `params`, in order ({1}, {2}, …),
 * each cut to SMS_PARAM_MAX characters (by code point, so a Han character counts as one). A
 * key the payload lacks makes the whole text impossible (null): the configuration names a key
 * this kind of notification does not carry.
 */
export function smsParams(keys: readonly string[], payload: Record<string, string | number | null | undefined>): string[] | null {
  const out: string[] = [];
  for (const k of keys) {
    const v = payload[k];
    if (v === null || v === undefined || String(v).trim() === '') return null;
    out.push(Array.from(String(v).trim()).slice(0, SMS_PARAM_MAX).join(''));
  }
  return out;
}
