/**
 * 场景码字母表: WeChat's `scene` (getwxacodeunlimit) allows letters, digits and a few
 * symbols, at most 32 characters. We use upper-case letters and digits without the
 * look-alikes 0/O, 1/I/L so that an elderly person can type a code from a sticker.
 */
export const SCENE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Makes a code of `length` symbols from `randomBytes` (inject crypto on the server). */
export function makeSceneCode(length: number, randomBytes: (n: number) => Uint8Array): string {
  const n = SCENE_ALPHABET.length;
  const limit = 256 - (256 % n); // reject bytes above the last full cycle: no modulo bias
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += SCENE_ALPHABET[b % n];
    }
  }
  return out;
}

/** Normalises what a person typed or a QR held: trims, upper-cases, drops spaces and dashes. */
export function normalizeSceneCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}

export function isSceneSafe(code: string): boolean {
  return code.length > 0 && code.length <= 32 && [...code].every((c) => SCENE_ALPHABET.includes(c));
}
