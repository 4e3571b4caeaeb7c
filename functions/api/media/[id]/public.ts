import { getPublicMedia as contract } from '../../../../shared/contracts/wechat-push';
import { sniffImageType } from '../../../../shared/domain/media';
import { defineRoute } from '../../../_lib/route';
import { getPublicMedia } from '../../../services/media/get-public-media';

export default defineRoute(contract, {
  access: 'public',
  handle: (ctx, { params, query }) => getPublicMedia(ctx, params.id, query.exp, query.sig),
  raw: (r) => {
    const body = Buffer.from(r.base64, 'base64');
    // the type the bytes are, whatever the row says: with nosniff the browser renders nothing else
    return { contentType: sniffImageType(body) ?? 'application/octet-stream', body };
  },
});
