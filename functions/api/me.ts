import { getMe as contract } from '../../shared/contracts/me';
import { defineRoute } from '../_lib/route';
import { getMe } from '../services/me/get-me';
import { signedIn } from '../_lib/signed-in';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => getMe(signedIn(ctx)) });
