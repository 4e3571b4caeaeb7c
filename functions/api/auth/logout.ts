import { logout as contract } from '../../../shared/contracts/auth';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { logout } from '../../services/auth/logout';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => logout(signedIn(ctx)) });
