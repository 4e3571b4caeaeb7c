import { uploadMedia as contract } from '../../../shared/contracts/media';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { uploadMedia } from '../../services/media/upload-media';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { body }) => uploadMedia(signedIn(ctx), body.dataBase64) });
