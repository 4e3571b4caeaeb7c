import { confirmAdminLoginTicket as contract } from '../../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { confirmAdminLoginTicket } from '../../../../services/admin-login/confirm-ticket';

export default defineRoute(contract, {
  access: { action: 'self.adminLogin' },
  handle: (ctx, { params }) => confirmAdminLoginTicket(signedIn(ctx), params.ticketId),
});
