import { revokeMySession as contract } from '../../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { revokeMySession } from '../../../../services/auth/revoke-my-session';

// own sessions only: the use case answers 404 for anyone else's
export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { params }) => revokeMySession(signedIn(ctx), params.sessionId) });
