import { findOaOpenidOfPerson, markOaFollowerStale } from '../../../../db/queries/oa-followers';
import { renderInbox } from '../../../../shared/domain/notification-templates';
import { buildSubscribeData } from '../../../../shared/domain/subscribe-fields';
import type { TWorkContext } from '../../context';
import { WechatCallError } from '../../wechat/call';
import { oaConfig, sendOaTemplate, staleLinkErrcode, type TOaTemplateMessage } from '../../wechat/oa-api';
import { underRecord } from './claimed';
import type { TChannelNotice, TChannelOutcome } from './outcome';

/**
 * 公众号模板消息: reaches a member of staff who follows the 公众号 and whose unionid links them to
 * their mini-program sign-in; spends nothing. The card opens the notification's page in the
 * mini-program. Sent at most once per notification (its send record). 43004 (no longer
 * following) and 40003 (no such openid) mark the link stale and the next channel is tried.
 */
export async function sendOa(ctx: TWorkContext, n: TChannelNotice): Promise<TChannelOutcome> {
  const { db, env } = ctx;
  const cfg = oaConfig(env);
  if (!cfg) return { kind: 'unavailable', why: 'oa: not configured' };
  const tpl = env.WECHAT_OA_TEMPLATES[n.template];
  if (!tpl) return { kind: 'unavailable', why: 'oa: no template' };
  const openid = await findOaOpenidOfPerson(db, n.recipientId, env.WECHAT_APP_ID);
  if (!openid) return { kind: 'unavailable', why: 'oa: not linked or not following' };
  const msg: TOaTemplateMessage = {
    touser: openid,
    template_id: tpl.id,
    miniprogram: { appid: env.WECHAT_APP_ID, pagepath: tpl.page ?? renderInbox(n.template, n.payload).link.replace(/^\//, '') },
    data: buildSubscribeData(tpl.fields, n.payload),
  };
  return underRecord(ctx, n, 'oa', async () => {
    try {
      await sendOaTemplate(db, cfg, ctx.now, msg);
      return { kind: 'sent' };
    } catch (e) {
      const f = e instanceof WechatCallError ? e.failure : ({ kind: 'retry', reason: e instanceof Error ? e.message : String(e) } as const);
      if (f.kind === 'refused') {
        if (staleLinkErrcode(f)) await markOaFollowerStale(db, openid, f.reason, ctx.now());
        return { kind: 'unavailable', why: `oa: ${f.reason}` };
      }
      if (f.kind === 'permanent') return { kind: 'failed', why: `WeChat refused the 公众号 message (${f.reason})` };
      return { kind: 'retry', why: f.reason };
    }
  });
}
