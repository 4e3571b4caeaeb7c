/**
 * 短信 (Tencent Cloud SMS) rules that need no network: which number a text goes to and what its
 * template variables say.
 */

/**
 * 手机号 → E.164, as SendSms wants it: a mainland mobile (11 digits, 1[3-9]…, with or without
 * 86 / +86 / 0086, spaces or dashes) becomes +86…. Anything else is null: a landline or a typo
 * cannot take a text, and a number abroad would need Tencent's international templates, which
 * this platform does not apply for (joining asks for a mainland mobile).
 */
export function toE164(phone: string | null | undefined): string | null {
  const m = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(phone?.replace(/[\s-]/g, '') ?? '');
  return m ? `+86${m[1]}` : null;
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
