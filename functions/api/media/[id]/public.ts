import { getPublicMedia as contract } from '../../../../shared/contracts/wechat-push';
import { defineRoute } from '../../../_lib/route';
import { getPublicMedia } from '../../../services/media/get-public-media';

export default defineRoute(contract, {
  auth: 'public',
  handle: (ctx, { params, query }) => getPublicMedia(ctx, params.id, query.exp, query.sig),
  raw: (r) => ({ contentType: r.contentType, body: Buffer.from(r.base64, 'base64') }),
});
