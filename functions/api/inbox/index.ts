import { listInbox as contract } from '../../../shared/contracts/notifications';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { listInbox } from '../../services/inbox/list-inbox';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { query }) => listInbox(signedIn(ctx), query) });
