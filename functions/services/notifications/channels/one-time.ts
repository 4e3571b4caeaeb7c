import { addCredits, clearCredits, spendCredit } from '../../../../db/queries/credits';
import { findOpenidOfPerson, movePushState } from '../../../../db/queries/notifications';
import type { TWorkContext } from '../../context';
import { WechatCallError } from '../../wechat/call';
import { wechatConfig } from '../../wechat/config';
import { sendSubscribeMessage } from '../../wechat/subscribe-send';
import type { TChannelNotice, TChannelOutcome } from './outcome';
import { subscribeMessage } from './subscribe-message';

/**
 * 一次性订阅消息: spends one credit (one tap of 「允许」). Its send record is the notification's
 * `push_state`: the credit is spent and the state moved to `sending` together; a row found still
 * `sending` means a dispatcher died during the call, so it is `unknown` and never sent again.
 */
export async function sendOneTime(ctx: TWorkContext, n: TChannelNotice): Promise<TChannelOutcome> {
  const { db, env } = ctx;
  if (n.pushState === 'sending') {
    await movePushState(db, n.id, 'sending', 'unknown');
    return { kind: 'sent' };
  }
  if (n.pushState === 'sent' || n.pushState === 'unknown') return { kind: 'sent' };
  if (n.pushState !== null) return { kind: 'unavailable', why: `one-time: ${n.pushState}` };
  const tpl = env.WECHAT_SUBSCRIBE_TEMPLATES[n.template];
  const openid = tpl ? await findOpenidOfPerson(db, n.recipientId, env.WECHAT_APP_ID) : null;
  if (!tpl || !openid) {
    await movePushState(db, n.id, null, 'no_channel');
    return { kind: 'unavailable', why: 'one-time: no template or no mini-program sign-in' };
  }
  // spend the credit and mark the push as under way together: a crash leaves both or neither
  const sending = await db.transaction(async (tx) => {
    if (!(await movePushState(tx, n.id, null, 'sending'))) return false;
    if (await spendCredit(tx, n.recipientId, n.template, ctx.now())) return true;
    await movePushState(tx, n.id, 'sending', 'no_credit');
    return false;
  });
  if (!sending) return { kind: 'unavailable', why: 'one-time: no credit' };

  ctx.fault?.('before-send');
  try {
    await sendSubscribeMessage(db, wechatConfig(env), ctx.now, subscribeMessage(env, n, tpl, openid));
  } catch (e) {
    const f = e instanceof WechatCallError ? e.failure : ({ kind: 'retry', reason: e instanceof Error ? e.message : String(e) } as const);
    if (f.kind === 'refused') {
      // 43101: the person holds no subscription after all; our count was stale, so clear it
      await db.transaction(async (tx) => {
        await movePushState(tx, n.id, 'sending', 'refused');
        await clearCredits(tx, n.recipientId, n.template, ctx.now());
      });
      return { kind: 'unavailable', why: `one-time: ${f.reason}` };
    }
    if (f.kind === 'permanent') {
      // bad data / openid / page: retrying cannot help; WeChat kept the subscription, so do we
      await db.transaction(async (tx) => {
        if (await movePushState(tx, n.id, 'sending', 'failed')) await addCredits(tx, n.recipientId, n.template, 1, ctx.now());
      });
      return { kind: 'failed', why: `WeChat refused the message (${f.reason})` };
    }
    // retryable: WeChat did not take it, so the credit is still the person's
    await db.transaction(async (tx) => {
      if (await movePushState(tx, n.id, 'sending', null)) await addCredits(tx, n.recipientId, n.template, 1, ctx.now());
    });
    return { kind: 'retry', why: f.reason };
  }
  ctx.fault?.('after-send');
  await movePushState(db, n.id, 'sending', 'sent');
  return { kind: 'sent' };
}
