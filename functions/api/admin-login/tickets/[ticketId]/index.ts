import { pollAdminLoginTicket as contract } from '../../../../../shared/contracts/admin-login';
import { defineRoute } from '../../../../_lib/route';
import { pollAdminLoginTicket } from '../../../../services/admin-login/poll-ticket';

// anonymous: the poll secret, known only to the browser that asked, is the credential
export default defineRoute(contract, { access: 'public', handle: (ctx, { params, query }) => pollAdminLoginTicket(ctx, params.ticketId, query.secret) });
