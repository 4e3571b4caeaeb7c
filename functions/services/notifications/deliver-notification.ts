import { clearCredits, spendCredit } from '../../../db/queries/credits';
import { insertInboxMessage } from '../../../db/queries/inbox';
import {
  failNotification,
  findOpenidOfPerson,
  markNotificationDone,
  movePushState,
  rescheduleNotification,
  type TClaimedNotification,
} from '../../../db/queries/notifications';
import { addCredits } from '../../../db/queries/credits';
import { backoffMs } from '../../../shared/domain/backoff';
import { isTemplate, renderInbox } from '../../../shared/domain/notification-templates';
import { buildSubscribeData } from '../../../shared/domain/subscribe-fields';
import type { TWorkContext } from '../context';
import { WechatCallError } from '../wechat/call';
import { wechatConfig } from '../wechat/config';
import { sendSubscribeMessage } from '../wechat/subscribe-send';

export type TDeliveryResult = 'delivered' | 'retry' | 'failed';

/**
 * Delivers one claimed notification: the inbox always (once: unique per notification), then
 * a WeChat subscribe message if the person holds a credit for the template. A push whose
 * outcome is unknown (the dispatcher died during the call) is never sent again.
 */
export async function deliverNotification(ctx: TWorkContext, n: TClaimedNotification): Promise<TDeliveryResult> {
  const { db } = ctx;
  ctx.fault?.('after-claim');
  if (!isTemplate(n.template)) {
    await failNotification(db, n.id, `unknown template ${n.template}`);
    return 'failed';
  }
  const msg = renderInbox(n.template, n.payload);
  await insertInboxMessage(db, { notificationId: n.id, personId: n.recipientId, template: n.template, ...msg, priority: n.priority, createdAt: n.createdAt });
  ctx.fault?.('after-inbox');

  if (n.pushState === 'sending') {
    // a previous attempt died mid-call: WeChat may have shown it already, so never push twice
    await movePushState(db, n.id, 'sending', 'unknown');
  } else if (n.pushState === null) {
    const outcome = await push(ctx, n);
    if (outcome !== 'delivered') return outcome;
  }
  ctx.fault?.('before-done');
  await markNotificationDone(db, n.id, ctx.now());
  return 'delivered';
}

async function push(ctx: TWorkContext, n: TClaimedNotification & { template: string }): Promise<TDeliveryResult> {
  const { db, env } = ctx;
  const tpl = env.WECHAT_SUBSCRIBE_TEMPLATES[n.template];
  const openid = tpl ? await findOpenidOfPerson(db, n.recipientId, env.WECHAT_APP_ID) : null;
  if (!tpl || !openid) {
    await movePushState(db, n.id, null, 'no_channel');
    return 'delivered';
  }
  // spend the credit and mark the push as under way together: a crash leaves both or neither
  const sending = await db.transaction(async (tx) => {
    if (!(await movePushState(tx, n.id, null, 'sending'))) return false;
    if (await spendCredit(tx, n.recipientId, n.template, ctx.now())) return true;
    await movePushState(tx, n.id, 'sending', 'no_credit');
    return false;
  });
  if (!sending) return 'delivered';

  ctx.fault?.('before-send');
  try {
    await sendSubscribeMessage(db, wechatConfig(env), ctx.now, {
      touser: openid,
      template_id: tpl.id,
      // the configured page, else the inbox link itself (it carries the request or call id)
      page: tpl.page ?? (isTemplate(n.template) ? renderInbox(n.template, n.payload).link.replace(/^\//, '') : undefined),
      data: buildSubscribeData(tpl.fields, n.payload),
      miniprogram_state: env.WECHAT_MINIPROGRAM_STATE,
      lang: 'zh_CN',
    });
  } catch (e) {
    const f = e instanceof WechatCallError ? e.failure : ({ kind: 'retry', reason: e instanceof Error ? e.message : String(e) } as const);
    if (f.kind === 'refused') {
      // 43101: the person holds no subscription after all; our count was stale, so clear it
      await db.transaction(async (tx) => {
        await movePushState(tx, n.id, 'sending', 'refused');
        await clearCredits(tx, n.recipientId, n.template, ctx.now());
      });
      return 'delivered';
    }
    if (f.kind === 'permanent') {
      // bad data / openid / page: retrying cannot help; WeChat kept the subscription, so do we
      await db.transaction(async (tx) => {
        if (await movePushState(tx, n.id, 'sending', 'failed')) await addCredits(tx, n.recipientId, n.template, 1, ctx.now());
      });
      await failNotification(db, n.id, `WeChat refused the message (${f.reason})`);
      return 'failed';
    }
    // retryable: WeChat did not take it, so the credit is still the person's
    await db.transaction(async (tx) => {
      if (await movePushState(tx, n.id, 'sending', null)) await addCredits(tx, n.recipientId, n.template, 1, ctx.now());
    });
    if (n.attempts >= n.maxAttempts) {
      await failNotification(db, n.id, `gave up after ${n.attempts} attempts: ${f.reason}`);
      return 'failed';
    }
    await rescheduleNotification(db, n.id, new Date(ctx.now().getTime() + backoffMs(n.attempts, { random: ctx.random })), f.reason);
    return 'retry';
  }
  ctx.fault?.('after-send');
  await movePushState(db, n.id, 'sending', 'sent');
  return 'delivered';
}
