import { receiveWechatPush, verifyWechatPush } from '../../../shared/contracts/wechat-push';
import { defineRoute, defineRoutes } from '../../_lib/route';
import { receivePush, verifyPush } from '../../services/market/handle-wechat-push';

const text = (r: { text: string }) => ({ contentType: 'text/plain; charset=utf-8', body: r.text });

/** WeChat's 消息推送 (plaintext JSON mode); authenticated by its signature, not a session. */
export default defineRoutes(
  defineRoute(verifyWechatPush, { access: 'public', handle: (ctx, { query }) => Promise.resolve(verifyPush(ctx, query)), raw: text }),
  defineRoute(receiveWechatPush, { access: 'public', idempotent: false, handle: (ctx, { query, body }) => receivePush(ctx, query, body), raw: text }),
);
