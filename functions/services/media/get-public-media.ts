import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { mediaLinkValid } from './media-link';
import { mediaStore } from './media-store';

/** A photo by signed link (no session): a bad or expired signature reads as not found. */
export async function getPublicMedia(ctx: TServiceContext, id: string, exp: number, sig: string) {
  if (!mediaLinkValid(ctx.env, id, exp, sig, ctx.now())) throw new AppError('NOT_FOUND');
  const m = await mediaStore.meta(ctx.db, id);
  const bytes = m ? await mediaStore.read(ctx.db, id) : null;
  if (!m || !bytes) throw new AppError('NOT_FOUND');
  return { contentType: m.contentType, base64: bytes.toString('base64') };
}
