import { findOpenidOfPerson } from '../../../db/queries/notifications';
import type { TServiceContext } from '../context';
import { publicMediaUrl } from '../media/media-link';
import { startMediaCheck } from '../wechat/media-check-async';
import { wechatConfig } from '../wechat/config';

/**
 * With WECHAT_MEDIA_CHECK=1, asks WeChat to check each photo (by a signed link it can download);
 * returns the trace ids to record. Off, or without the poster's openid, it asks nothing.
 */
export async function startPhotoChecks(ctx: TServiceContext, personId: string, photoIds: string[]): Promise<{ traceId: string; mediaId: string }[]> {
  if (!ctx.env.WECHAT_MEDIA_CHECK || !photoIds.length) return [];
  const openid = await findOpenidOfPerson(ctx.db, personId, ctx.env.WECHAT_APP_ID);
  if (!openid) return [];
  const out: { traceId: string; mediaId: string }[] = [];
  for (const mediaId of photoIds) {
    const traceId = await startMediaCheck(ctx.db, wechatConfig(ctx.env), ctx.now, { openid, mediaUrl: publicMediaUrl(ctx.env, mediaId, ctx.now()) });
    if (traceId) out.push({ traceId, mediaId });
  }
  return out;
}
