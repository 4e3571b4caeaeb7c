import type { TEnv, TTemplateConfig } from '../../../runtime/env';
import { renderInbox } from '../../../../shared/domain/notification-templates';
import { buildSubscribeData } from '../../../../shared/domain/subscribe-fields';
import type { TSubscribeMessage } from '../../wechat/subscribe-send';
import type { TChannelNotice } from './outcome';

/** The subscribe message for a notification: the configured page, else the inbox link itself (it carries the request or call id). */
export function subscribeMessage(env: TEnv, n: TChannelNotice, tpl: TTemplateConfig[string], openid: string): TSubscribeMessage {
  return {
    touser: openid,
    template_id: tpl.id,
    page: tpl.page ?? renderInbox(n.template, n.payload).link.replace(/^\//, ''),
    data: buildSubscribeData(tpl.fields, n.payload),
    miniprogram_state: env.WECHAT_MINIPROGRAM_STATE,
    lang: 'zh_CN',
  };
}
