import { receiveOaPush, verifyOaPush } from '../../../shared/contracts/wechat-push';
import { defineRoute, defineRoutes } from '../../_lib/route';
import { readXmlBody } from '../../_lib/xml-body';
import { receiveOaPush as receive, verifyOaPush as verify } from '../../services/oa/handle-oa-push';

const text = (r: { text: string }) => ({ contentType: 'text/plain; charset=utf-8', body: r.text });

/** The 公众号's 服务器配置 URL: subscribe/unsubscribe pushes (XML, plaintext or 安全模式), authenticated by signature. */
export default defineRoutes(
  defineRoute(verifyOaPush, { access: 'public', handle: (ctx, { query }) => Promise.resolve(verify(ctx, query)), raw: text }),
  defineRoute(receiveOaPush, {
    access: 'public',
    idempotent: false,
    readBody: readXmlBody,
    handle: (ctx, { query, body }) => receive(ctx, query, body),
    raw: text,
  }),
);
