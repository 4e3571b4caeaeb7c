import { listMySessions as contract } from '../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listMySessions } from '../../../services/auth/list-my-sessions';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => listMySessions(signedIn(ctx)) });
