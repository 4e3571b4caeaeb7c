import { createHash, timingSafeEqual } from 'node:crypto';
import { findListing, settleMediaCheck, updateListing } from '../../../db/queries/market';
import { riskyReason } from '../../../shared/domain/market';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';

type TSigned = { signature: string; timestamp: string; nonce: string };

/**
 * How far a push's timestamp may be from our clock, either way. WeChat pushes as it signs, so an
 * older signature is someone replaying a captured push (say, a risky verdict taking a listing down).
 */
export const PUSH_MAX_SKEW_SECONDS = 5 * 60;

/** WeChat signs a push with sha1 of the sorted token, timestamp and nonce; the timestamp must be fresh. */
export function pushSignatureValid(token: string, q: TSigned, now: Date): boolean {
  if (!/^\d{1,12}$/.test(q.timestamp) || Math.abs(now.getTime() / 1000 - Number(q.timestamp)) > PUSH_MAX_SKEW_SECONDS) return false;
  const want = createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest('hex');
  return want.length === q.signature.length && timingSafeEqual(Buffer.from(want), Buffer.from(q.signature));
}

/** 服务器地址验证: echo echostr when the signature is WeChat's. */
export function verifyPush(ctx: TServiceContext, q: TSigned & { echostr: string }) {
  if (!pushSignatureValid(ctx.env.WECHAT_PUSH_TOKEN, q, ctx.now())) throw new AppError('FORBIDDEN');
  return { text: q.echostr };
}

/**
 * 图片检查结果 (event wxa_media_check): recorded once per trace. A risky photo takes its listing
 * down (pending or published) with the reason and tells the seller; a photo to review marks the
 * listing 需人工复核 for the reviewer. Anything else pushed is acknowledged and ignored.
 */
export async function receivePush(ctx: TServiceContext, q: TSigned, body: { Event?: string; trace_id?: string; result?: { suggest: string; label?: number } }) {
  if (!pushSignatureValid(ctx.env.WECHAT_PUSH_TOKEN, q, ctx.now())) throw new AppError('FORBIDDEN');
  if (body.Event !== 'wxa_media_check' || !body.trace_id || !body.result) return { text: 'success' };
  const suggest = body.result.suggest === 'risky' || body.result.suggest === 'review' ? body.result.suggest : 'pass';
  const label = body.result.label ?? null;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const check = await settleMediaCheck(tx, body.trace_id!, suggest, label, now);
    if (!check || suggest === 'pass') return;
    const l = await findListing(tx, check.listingId);
    if (!l || !['pending_review', 'published'].includes(l.state)) return;
    if (suggest === 'review') {
      if (l.contentCheck === 'pass' || l.contentCheck === 'unchecked') await updateListing(tx, l.id, { contentCheck: 'review', updatedAt: now });
      return;
    }
    const reason = riskyReason(label).replace('内容', '照片');
    await updateListing(tx, l.id, { state: 'rejected', contentCheck: 'risky', contentLabel: label, rejectReason: reason, featured: false, updatedAt: now });
    await notify(ctx, tx, [
      {
        recipientId: l.sellerId,
        template: 'market_reviewed',
        dedupeKey: `listing:${l.id}:photo:${body.trace_id}`,
        payload: { result: 'rejected', title: l.title, reason, listingId: l.id },
      },
    ]);
  });
  return { text: 'success' };
}
