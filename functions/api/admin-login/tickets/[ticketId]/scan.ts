import { scanAdminLoginTicket as contract } from '../../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { scanAdminLoginTicket } from '../../../../services/admin-login/scan-ticket';

export default defineRoute(contract, {
  access: { action: 'self.adminLogin' },
  handle: (ctx, { params }) => scanAdminLoginTicket(signedIn(ctx), params.ticketId),
});
