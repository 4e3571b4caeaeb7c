import { getInvite as contract } from '../../../shared/contracts/join';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { getInvite } from '../../services/join/get-invite';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { params }) => getInvite(signedIn(ctx), params.code) });
