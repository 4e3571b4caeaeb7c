import type { TPersonPlace } from '../../../db/queries/org';
import type { TSignedInContext } from '../context';
import { takeLimit } from './take-limit';

const MB = 1024 * 1024;

/**
 * 照片配额: a new photo counts against the person's day (a smaller one for someone who belongs
 * nowhere yet) and their courtyard's. Runs in the upload's transaction, so a photo that is
 * not stored counts nothing; a refused photo is stored nowhere.
 */
export async function takePhotoQuota(ctx: TSignedInContext, place: TPersonPlace | null, bytes: number): Promise<void> {
  const e = ctx.env;
  const now = ctx.now();
  const person = place
    ? { window: 'day' as const, count: e.PHOTO_DAILY_COUNT_PERSON, bytes: Math.floor(e.PHOTO_DAILY_MB_PERSON * MB) }
    : { window: 'day' as const, count: e.PHOTO_DAILY_COUNT_NEWCOMER, bytes: Math.floor(e.PHOTO_DAILY_MB_NEWCOMER * MB) };
  await takeLimit(ctx.db, now, { bucket: `photo:person:${ctx.actor.personId}`, limit: person, bytes, code: 'PHOTO_QUOTA_REACHED' });
  if (place?.courtyardId) {
    const courtyard = { window: 'day' as const, count: e.PHOTO_DAILY_COUNT_COURTYARD, bytes: Math.floor(e.PHOTO_DAILY_MB_COURTYARD * MB) };
    await takeLimit(ctx.db, now, { bucket: `photo:courtyard:${place.courtyardId}`, limit: courtyard, bytes, code: 'PHOTO_QUOTA_REACHED' });
  }
}
