import { getMedia as contract } from '../../../shared/contracts/media';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { getMedia } from '../../services/media/get-media';

export default defineRoute(contract, {
  access: { action: 'media.view', on: { kind: 'media', param: 'id' } },
  handle: (ctx, { params }) => getMedia(signedIn(ctx), params.id),
});
