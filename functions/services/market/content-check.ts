import { findOpenidOfPerson } from '../../../db/queries/notifications';
import { checkText, type TContentVerdict } from '../wechat/msg-sec-check';
import { wechatConfig } from '../wechat/config';
import type { TServiceContext } from '../context';

/** msg_sec_check on what a person is about to publish, as that person (WeChat wants their openid). */
export async function checkPostText(ctx: TServiceContext, personId: string, title: string, parts: string[]): Promise<TContentVerdict> {
  const openid = await findOpenidOfPerson(ctx.db, personId, ctx.env.WECHAT_APP_ID);
  return checkText(ctx.db, wechatConfig(ctx.env), ctx.now, { openid, title, content: [title, ...parts].filter(Boolean).join('\n') });
}
