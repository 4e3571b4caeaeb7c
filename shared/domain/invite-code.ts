import { makeSceneCode, normalizeSceneCode, SCENE_ALPHABET } from './scene-code';

/**
 * 院落邀请码: 10 symbols of a 31-letter alphabet ≈ 49.5 bits, unguessable within its
 * lifetime, short enough to type, and the QR scene `j=<code>` stays within 32 characters.
 * Zod-free, so the mini-program can use it without pulling zod into its bundle.
 */
export const INVITE_CODE_LENGTH = 10;
export const INVITE_SCENE_PREFIX = 'j=';
export const INVITE_DEFAULT_DAYS = 30;

export function makeInviteCode(randomBytes: (n: number) => Uint8Array): string {
  return makeSceneCode(INVITE_CODE_LENGTH, randomBytes);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Reads an invite code from whatever a person typed or scanned: a bare code ("abcd-efgh 23"),
 * the scene `j=CODE`, a 小程序码 page path with `scene=j%3DCODE`, or a link with `?code=`.
 * Returns the normalised code ('' when nothing usable).
 */
export function parseInviteInput(raw: string | null | undefined): string {
  if (!raw) return '';
  let s = raw.trim();
  const query = s.includes('?') ? s.slice(s.indexOf('?') + 1) : s.includes('&') || /^(scene|code)=/.test(s) ? s : '';
  if (query) {
    const params: Record<string, string> = {};
    for (const part of query.split('&')) {
      const i = part.indexOf('=');
      if (i > 0) params[part.slice(0, i)] = safeDecode(part.slice(i + 1));
    }
    s = params.scene ?? params.code ?? params.j ?? s;
  }
  s = safeDecode(s);
  if (/^j=/i.test(s)) s = s.slice(INVITE_SCENE_PREFIX.length);
  return normalizeSceneCode(s);
}

/** A well-formed invite code: the right length, only scene-safe symbols. */
export function isInviteCode(code: string): boolean {
  return code.length === INVITE_CODE_LENGTH && [...code].every((ch) => SCENE_ALPHABET.includes(ch));
}

export function inviteExpiry(now: Date, days = INVITE_DEFAULT_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 3600 * 1000);
}
