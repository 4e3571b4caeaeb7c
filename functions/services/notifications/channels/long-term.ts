import { dropLongTerm, holdsLongTerm } from '../../../../db/queries/credits';
import { findOpenidOfPerson } from '../../../../db/queries/notifications';
import type { TWorkContext } from '../../context';
import { WechatCallError } from '../../wechat/call';
import { wechatConfig } from '../../wechat/config';
import { sendSubscribeMessage } from '../../wechat/subscribe-send';
import { underRecord } from './claimed';
import type { TChannelNotice, TChannelOutcome } from './outcome';
import { subscribeMessage } from './subscribe-message';

/**
 * 长期订阅消息: for templates configured long-term (政务民生 mini-programs), a person who accepted
 * once receives every later message without spending anything. WeChat's 43101 means they
 * turned it off: the subscription is dropped and the next channel is tried.
 */
export async function sendLongTerm(ctx: TWorkContext, n: TChannelNotice): Promise<TChannelOutcome> {
  const { db, env } = ctx;
  const tpl = env.WECHAT_SUBSCRIBE_TEMPLATES[n.template];
  if (!tpl?.longTerm) return { kind: 'unavailable', why: 'long-term: not a long-term template' };
  if (!(await holdsLongTerm(db, n.recipientId, n.template))) return { kind: 'unavailable', why: 'long-term: not subscribed' };
  const openid = await findOpenidOfPerson(db, n.recipientId, env.WECHAT_APP_ID);
  if (!openid) return { kind: 'unavailable', why: 'long-term: no mini-program sign-in' };
  return underRecord(ctx, n, 'long_term', async () => {
    try {
      await sendSubscribeMessage(db, wechatConfig(env), ctx.now, subscribeMessage(env, n, tpl, openid));
      return { kind: 'sent' };
    } catch (e) {
      const f = e instanceof WechatCallError ? e.failure : ({ kind: 'retry', reason: e instanceof Error ? e.message : String(e) } as const);
      if (f.kind === 'refused') {
        await dropLongTerm(db, n.recipientId, n.template, ctx.now());
        return { kind: 'unavailable', why: `long-term: ${f.reason}` };
      }
      if (f.kind === 'permanent') return { kind: 'failed', why: `WeChat refused the message (${f.reason})` };
      return { kind: 'retry', why: f.reason };
    }
  });
}
