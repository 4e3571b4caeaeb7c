import { createAdminLoginTicket as contract } from '../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../_lib/route';
import { createAdminLoginTicket } from '../../../services/admin-login/create-ticket';

// anonymous, counted like a sign-in per address; not replayed: the answer holds the poll secret
export default defineRoute(contract, { access: 'public', idempotent: false, limit: 'sign-in', handle: (ctx) => createAdminLoginTicket(ctx) });
