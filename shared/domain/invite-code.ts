import { z } from 'zod';
import { makeSceneCode, normalizeSceneCode, SCENE_ALPHABET } from './scene-code';

/**
 * 院落邀请码: 10 symbols of a 31-letter alphabet ≈ 49.5 bits, unguessable within its
 * lifetime, short enough to type, and the QR scene `j=<code>` stays within 32 characters.
 */
export const INVITE_CODE_LENGTH = 10;
export const INVITE_SCENE_PREFIX = 'j=';
export const INVITE_DEFAULT_DAYS = 30;

export function makeInviteCode(randomBytes: (n: number) => Uint8Array): string {
  return makeSceneCode(INVITE_CODE_LENGTH, randomBytes);
}

/** Accepts a typed code ("abcd-efgh 23"), a bare code, or a scanned scene "j=CODE". */
export function parseInviteInput(raw: string): string {
  const s = raw.trim();
  const scene = s.startsWith(INVITE_SCENE_PREFIX) ? s.slice(INVITE_SCENE_PREFIX.length) : s;
  return normalizeSceneCode(decodeURIComponent(scene));
}

export const ZInviteCode = z
  .string()
  .transform(parseInviteInput)
  .pipe(
    z
      .string()
      .length(INVITE_CODE_LENGTH, '邀请码为10位')
      .refine((c) => [...c].every((ch) => SCENE_ALPHABET.includes(ch)), '邀请码含有无效字符'),
  );

export function inviteExpiry(now: Date, days = INVITE_DEFAULT_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 3600 * 1000);
}
