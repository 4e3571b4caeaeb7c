/**
 * 照片 rules: what the server accepts. Photos are compressed on the device first; the type is
 * read from the bytes (never trusted from the client), and the size is capped.
 */
export const MEDIA_MAX_BYTES = 700 * 1024;
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type TMediaType = (typeof MEDIA_TYPES)[number];

/** The image type the bytes really are, or null. */
export function sniffImageType(b: Uint8Array): TMediaType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a)
    return 'image/png';
  if (b.length >= 12 && String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}
