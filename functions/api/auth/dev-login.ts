import { devLogin as contract } from '../../../shared/contracts/auth';
import { defineRoute } from '../../_lib/route';
import { devLogin } from '../../services/auth/dev-login';

// not replayed by Idempotency-Key: the answer holds a session token, which is never stored in clear
export default defineRoute(contract, { access: 'public', idempotent: false, limit: 'sign-in', handle: (ctx, { body }) => devLogin(ctx, body) });
