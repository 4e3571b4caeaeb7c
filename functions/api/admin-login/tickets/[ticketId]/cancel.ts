import { cancelAdminLoginTicket as contract } from '../../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { cancelAdminLoginTicket } from '../../../../services/admin-login/cancel-ticket';

export default defineRoute(contract, {
  access: { action: 'self.adminLogin' },
  handle: (ctx, { params }) => cancelAdminLoginTicket(signedIn(ctx), params.ticketId),
});
